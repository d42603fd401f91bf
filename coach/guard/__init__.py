"""The no-advice guard: rules, no model, deciding whether a reworded question may be shown.

``coach.guard.check.check`` gives the verdict. The rule table (rules.yaml) is compiled when
``coach.guard.advice`` is first imported, not with this package, so code that needs only the
guard's view of text (``coach.guard.text``) does not wait for it.
"""
