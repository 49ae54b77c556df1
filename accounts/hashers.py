"""How passwords are stored: Argon2id at the parameters of OWASP's Password Storage Cheat Sheet.

Memory-hard (19 MiB a hash), so a stolen table resists GPUs better than PBKDF2, and about 20 ms of one core
a sign-in instead of PBKDF2's 260 ms at Django's 1,000,000 iterations: when a city's staff sign in together
before a deadline, the hashing no longer holds the web workers. Django re-hashes an older hash (PBKDF2,
or other Argon2 parameters) the first time its owner signs in.
"""
from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idPasswordHasher(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19456  # KiB
    parallelism = 1
