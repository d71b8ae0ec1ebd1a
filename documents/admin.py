# The Document admin lives in tracker/admin.py, beside the records it links to.
