using System.Reflection;

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Accounts;

/// <summary>
/// Length over composition, as NIST SP 800-63B recommends: no character-class rules, but a minimum length, a generous
/// maximum, and no password from a list of common ones or containing the account's e-mail name. The messages are in
/// the request's language, as Identity's own are (see <see cref="PortalIdentityErrorDescriber"/>).
/// </summary>
public sealed class PasswordRules(IStringLocalizer<SharedResource> localizer) : IPasswordValidator<PortalUser>
{
    public const int MaximumLength = 256;

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadCommonPasswords);

    public static int CommonPasswordCount => CommonPasswords.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        var errors = new List<IdentityError>();
        password ??= "";
        if (password.Length > MaximumLength)
        {
            errors.Add(Error("PasswordTooLong", MaximumLength));
        }

        if (CommonPasswords.Value.Contains(password.Trim()))
        {
            errors.Add(Error("PasswordCommon"));
        }

        var emailName = (user.Email ?? user.UserName ?? "").Split('@')[0];
        if (emailName.Length >= 3 && password.Contains(emailName, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(Error("PasswordContainsEmailName"));
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private IdentityError Error(string code, params object[] arguments) =>
        new() { Code = code, Description = localizer["Identity." + code, arguments] };

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("FreeGpuPortal.Web.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return passwords;
    }
}
