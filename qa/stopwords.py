"""Words too common in questions to search or weigh ('got' helps a passive: 'Who got appointed?')."""

STOPWORDS = frozenset(
    """
    a about above after again against all am an and any are as at
    be because been before being below between both but by can could did do
    does doing down during each few for from further had has have having he
    her here hers him his how i if in into is it its itself
    just me more most my no nor not now of off on once only
    or other our out over own same she should so some such than that
    the their them then there these they this those through to too under until
    up very was we were what when where which while who whom why will
    with would you your yours tell me give show list say says said please
    current currently latest many much
    actually really exactly basically
    got gotten
    """.split()  # noqa: SIM905
)
