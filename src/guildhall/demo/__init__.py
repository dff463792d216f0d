"""The demo organisation: a realistic company loaded through the services (`guildhall demo`)."""
