"""WeChat: the async API client, callback crypto and parsing, and the sandbox."""
