using System.Globalization;
using System.Reflection;

using FreeGpuPortal.Web;
using FreeGpuPortal.Web.Accounts;
using FreeGpuPortal.Web.Localization;

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Tests.Accounts;

/// <summary>
/// Identity's messages come from the portal's resources: in English exactly Identity's own texts, in Chinese for a
/// zh-CN request, and no message of Identity's is left to its built-in English.
/// </summary>
public sealed class PortalIdentityErrorDescriberTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddLogging()
        .AddPortalLocalization()
        .BuildServiceProvider();

    private readonly (CultureInfo, CultureInfo) _saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    public void Dispose()
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _saved;
        _services.Dispose();
    }

    private PortalIdentityErrorDescriber Describer() => new(_services.GetRequiredService<IStringLocalizer<SharedResource>>());

    /// <summary>Every message-making method of Identity's describer, with an argument where it takes one.</summary>
    public static TheoryData<string> DescriberMethods()
    {
        var data = new TheoryData<string>();
        foreach (var method in MessageMethods())
        {
            data.Add(method.Name);
        }

        return data;
    }

    private static IEnumerable<MethodInfo> MessageMethods() =>
        typeof(IdentityErrorDescriber)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.IsVirtual && m.ReturnType == typeof(IdentityError));

    private static IdentityError Call(IdentityErrorDescriber describer, string name)
    {
        var method = typeof(IdentityErrorDescriber).GetMethod(name)!;
        object?[] arguments = [.. method.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)12 : "someone@example.org")];
        return (IdentityError)method.Invoke(describer, arguments)!;
    }

    private static void UseCulture(string name) =>
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

    [Fact]
    public void Identity_has_the_messages_this_test_knows_of()
    {
        // A new Identity version with new messages makes the theories below cover them, or this count fail.
        Assert.Equal(22, MessageMethods().Count());
    }

    [Theory]
    [MemberData(nameof(DescriberMethods))]
    public void Every_message_is_overridden(string name)
    {
        var method = typeof(PortalIdentityErrorDescriber).GetMethod(name, [.. typeof(IdentityErrorDescriber).GetMethod(name)!.GetParameters().Select(p => p.ParameterType)])!;

        Assert.Equal(typeof(PortalIdentityErrorDescriber), method.DeclaringType);
    }

    [Theory]
    [MemberData(nameof(DescriberMethods))]
    public void In_English_each_message_is_Identitys_own_with_its_code(string name)
    {
        UseCulture("en");

        var ours = Call(Describer(), name);
        var identitys = Call(new IdentityErrorDescriber(), name);

        Assert.Equal(identitys.Code, ours.Code);
        Assert.Equal(identitys.Description, ours.Description);
    }

    [Theory]
    [MemberData(nameof(DescriberMethods))]
    public void In_Chinese_each_message_is_Chinese_with_the_same_code(string name)
    {
        UseCulture("zh-CN");

        var ours = Call(Describer(), name);
        var identitys = Call(new IdentityErrorDescriber(), name);

        Assert.Equal(identitys.Code, ours.Code);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", ours.Description);
        Assert.NotEqual(identitys.Description, ours.Description);
    }

    [Fact]
    public void The_arguments_are_in_the_Chinese_text()
    {
        UseCulture("zh-CN");
        var describer = Describer();

        Assert.Equal("密码长度至少为 12 个字符。", describer.PasswordTooShort(12).Description);
        Assert.Equal("密码不正确。", describer.PasswordMismatch().Description);
        Assert.Equal("电子邮件地址“a@example.org”已被占用。", describer.DuplicateEmail("a@example.org").Description);
    }

    [Fact]
    public async Task The_portals_own_password_rules_speak_the_language_too()
    {
        var rules = new PasswordRules(_services.GetRequiredService<IStringLocalizer<SharedResource>>());
        var user = new PortalUser { Email = "someone@example.org", UserName = "someone@example.org" };

        UseCulture("zh-CN");
        var chinese = await rules.ValidateAsync(null!, user, "unbelievable");
        UseCulture("en");
        var english = await rules.ValidateAsync(null!, user, "unbelievable");

        Assert.Equal("此密码在常用密码列表中，请换一个。", Assert.Single(chinese.Errors).Description);
        Assert.Equal("This password is on a list of commonly used passwords. Choose another.", Assert.Single(english.Errors).Description);
        Assert.Equal("PasswordCommon", Assert.Single(english.Errors).Code);
    }
}
