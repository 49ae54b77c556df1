"""The load test's world: ``benchmarks/scale.py``'s N wards, then accounts for the simulated users.

The 2024 period is split: the first ``--officers`` wards back in draft for their officers to score, the
next ``--council`` wards under appraisal, each with one council member assigned every criterion. Writes the
accounts and what each may touch to the JSON file given as ``--out``.
"""
import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
# The server's own settings (real password hashers), not the tests'.
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
os.environ.setdefault("DEBUG", "false")

from benchmarks.scale import build  # noqa: E402  (sets Django up)

PASSWORD = "tai-thu-2026"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=600)
    parser.add_argument("--officers", type=int, default=40)
    parser.add_argument("--council", type=int, default=20)
    parser.add_argument("--leaders", type=int, default=20)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    from django.contrib.auth.hashers import make_password

    from accounts.models import Role, User
    from appraisal.models import AppraisedScore, Assignment, CouncilMember
    from assessments.models import Assessment
    from assessments.results import results_refresh
    from assessments.workflow import Status
    from frameworks.selectors import tree_for

    office, (_before, period) = build(args.units)
    tree = tree_for(period.framework)
    assessments = list(period.assessments.select_related("unit").order_by("unit__order"))
    drafts = assessments[:args.officers]
    appraised = assessments[args.officers:args.officers + args.council]
    Assessment.objects.filter(pk__in=[a.pk for a in drafts]).update(status=Status.DRAFT)
    AppraisedScore.objects.filter(assessment__in=drafts).delete()
    Assessment.objects.filter(pk__in=[a.pk for a in appraised]).update(status=Status.UNDER_APPRAISAL)
    results_refresh(drafts + appraised)

    password = make_password(PASSWORD)  # hashed once: the same hash for every account
    accounts = {"officers": [], "council": [], "leaders": [], "password": PASSWORD, "dashboard": period.pk,
                "leaves": [{"code": leaf.code, "max": str(leaf.max_points)} for leaf in tree.leaves],
                "assessments": [a.pk for a in assessments]}
    for n, assessment in enumerate(drafts):
        user = User.objects.create(username=f"officer{n}", password=password, role=Role.UNIT_STAFF,
                                   unit=assessment.unit, must_change_password=False)
        accounts["officers"].append({"username": user.username, "assessment": assessment.pk})
    for n, assessment in enumerate(appraised):
        user = User.objects.create(username=f"council{n}", password=password, role=Role.COUNCIL_MEMBER,
                                   unit=office.unit, must_change_password=False)
        seat = CouncilMember.objects.create(period=period, user=user)
        Assignment.objects.bulk_create(Assignment(member=seat, node_id=leaf.pk) for leaf in tree.leaves)
        accounts["council"].append({"username": user.username, "assessment": assessment.pk})
    for n in range(args.leaders):
        user = User.objects.create(username=f"leader{n}", password=password, role=Role.LEADERSHIP,
                                   unit=office.unit, must_change_password=False)
        accounts["leaders"].append({"username": user.username})
    Path(args.out).write_text(json.dumps(accounts), encoding="utf-8")
    print(f"{args.units} wards, {len(drafts)} officers, {len(appraised)} council members, {args.leaders} leaders")


if __name__ == "__main__":
    main()
