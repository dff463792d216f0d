from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "guildhall.accounts"
    label = "accounts"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_delete, post_save

        from guildhall.accounts.backends import forget_cached_user
        from guildhall.accounts.services import user_signed_in

        user_logged_in.connect(user_signed_in, dispatch_uid="guildhall-sign-in-event")
        # Cache upkeep, not domain fan-out: a saved user must never be served from the cache.
        user_model = get_user_model()
        post_save.connect(forget_cached_user, sender=user_model, dispatch_uid="user-cache-save")
        post_delete.connect(forget_cached_user, sender=user_model, dispatch_uid="user-cache-delete")
