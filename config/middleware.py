from django.conf import settings
from django.http import Http404
from django.middleware.locale import LocaleMiddleware
from django.urls import Resolver404, resolve
from django.views.defaults import page_not_found
from django.utils import translation


class ChosenLanguageMiddleware(LocaleMiddleware):
    """Vietnamese unless the user picked another language with the switcher.

    Django's own middleware follows the browser's Accept-Language, and many offices run English
    browsers: the product must still open in Vietnamese.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class ProjectNotFoundMiddleware:
    """The project's own 404 page under DEBUG (the demo runs with it on).

    With DEBUG, Django answers an unknown address with its debug page, which lists every URL pattern,
    and a refused object with a traceback-style page; demo visitors should see what users will. Last in
    the chain, so CommonMiddleware still turns a missing slash into a redirect.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            resolve(request.path_info, getattr(request, "urlconf", None))
        except Resolver404 as error:
            return page_not_found(request, error)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            return page_not_found(request, exception)
        return None
