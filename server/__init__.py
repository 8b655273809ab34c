"""科技云 backend."""
