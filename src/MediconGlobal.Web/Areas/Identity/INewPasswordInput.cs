namespace MediconGlobal.Web.Areas.Identity;

/// <summary>A form that sets a new password: rendered by the <c>_NewPasswordFields</c> partial, so every such form explains the same rules.</summary>
public interface INewPasswordInput
{
    string Password { get; set; }

    string ConfirmPassword { get; set; }
}
