"""The chat page's views: the sidebar, the conversation, the decisions table and the timeline."""
