"""The web dashboard for officials and leaders: figures, charts, exports. Residents have no access.

``dashboard_routes(runtime)`` gives the routes to mount on the shared web app
(``loaso run``); ``loaso dashboard`` serves them alone.
"""

from bot.dashboard.app import dashboard_routes

__all__ = ["dashboard_routes"]
