using System.Security.Claims;

using FreeGpuPortal.Web.Accounts;

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace FreeGpuPortal.Web.Components.Admin;

/// <summary>
/// The interactive admin pages' way to ask <see cref="AdminAuthority"/> before every action: it fetches an action
/// ticket through the browser (so the browser's current cookie decides, not the one the page opened with) and checks
/// it against the account that opened the page. One per circuit.
/// </summary>
public sealed class AdminSession(AdminAuthority authority, AuthenticationStateProvider authentication, IJSRuntime js) : IAsyncDisposable
{
    private IJSObjectReference? _module;

    /// <summary>The account that opened the page, kept once known: the page's own principal may later turn anonymous.</summary>
    private string? _pageUserId;

    /// <summary>Notes the account that opened the page, while the page's principal still names it.</summary>
    public async Task RememberPageUserAsync() =>
        _pageUserId ??= (await authentication.GetAuthenticationStateAsync()).User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>Whether the signed-in user may act as an admin now: the actor to record, or why not.</summary>
    public async Task<AdminAuthorityResult> CheckAsync(CancellationToken cancellationToken = default)
    {
        await RememberPageUserAsync();
        string? ticket;
        try
        {
            ticket = await (await ModuleAsync()).InvokeAsync<string?>("actionTicket", cancellationToken);
        }
        catch (JSException)
        {
            ticket = null;
        }
        catch (JSDisconnectedException)
        {
            ticket = null;
        }

        return await authority.CheckTicketAsync(ticket, _pageUserId, cancellationToken);
    }

    /// <summary>Scrolls the element matching <paramref name="selector"/> into view and focuses it.</summary>
    public async Task RevealAsync(string selector)
    {
        try
        {
            await (await ModuleAsync()).InvokeVoidAsync("reveal", selector);
        }
        catch (JSDisconnectedException)
        {
            // The page is gone; nothing to show.
        }
    }

    /// <summary>
    /// What a text box holds now, as a stream of UTF-8 bytes whose <see cref="IJSStreamReference.Length"/> is known
    /// before any is read: a large text then never travels as one message, which the circuit would refuse. Null when
    /// the box is empty.
    /// </summary>
    public async Task<IJSStreamReference?> TextOfAsync(ElementReference element, CancellationToken cancellationToken = default)
    {
        var module = await ModuleAsync();
        return await module.InvokeAsync<bool>("isEmpty", cancellationToken, element)
            ? null
            : await module.InvokeAsync<IJSStreamReference>("textOf", cancellationToken, element);
    }

    private async Task<IJSObjectReference> ModuleAsync() =>
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/admin.js");

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit ended first.
            }
        }
    }
}
