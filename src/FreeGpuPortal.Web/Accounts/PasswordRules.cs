using System.Reflection;

using Microsoft.AspNetCore.Identity;

namespace FreeGpuPortal.Web.Accounts;

/// <summary>
/// Length over composition, as NIST SP 800-63B recommends: no character-class rules, but a minimum length, a generous
/// maximum, and no password from a list of common ones or containing the account's e-mail name.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<PortalUser>
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
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = $"Passwords must be at most {MaximumLength} characters." });
        }

        if (CommonPasswords.Value.Contains(password.Trim()))
        {
            errors.Add(new IdentityError { Code = "PasswordCommon", Description = "This password is on a list of commonly used passwords. Choose another." });
        }

        var emailName = (user.Email ?? user.UserName ?? "").Split('@')[0];
        if (emailName.Length >= 3 && password.Contains(emailName, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsEmailName", Description = "Passwords must not contain the name part of your e-mail address." });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

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
