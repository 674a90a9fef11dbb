// Helpers of the interactive admin pages, loaded as a module by the pages that need them.

// Proof that this browser is still signed in as an admin, fetched with its current cookie just before an action.
// Null when the sign-in has ended (signed out in another tab, cookie expired): the request is then redirected to the
// sign-in page or refused, and the redirect is not followed.
export async function actionTicket() {
    try {
        const response = await fetch(new URL('admin/action-ticket', document.baseURI), {
            credentials: 'same-origin', cache: 'no-store', redirect: 'manual',
        });
        return response.ok ? await response.text() : null;
    } catch {
        return null;
    }
}

// Brings an element the admin must see into view and moves focus to it (it needs tabindex="-1" if not focusable).
// The server may ask before the browser has applied the render that adds the element or un-hides its section: a call
// made inside an event handler overtakes the handler's render, which goes out when the handler first waits. So it
// waits up to 2 s for the element to be there and displayed; a hidden element can take no focus.
export async function reveal(selector) {
    const deadline = Date.now() + 2000;
    const displayed = () => {
        const element = document.querySelector(selector);
        return element && element.getClientRects().length > 0 ? element : null;
    };
    let element = displayed();
    while (!element && Date.now() < deadline) {
        await new Promise(resolve => setTimeout(resolve, 50));
        element = displayed();
    }

    if (!element) { return false; }
    element.scrollIntoView({ block: 'start', behavior: 'instant' });
    element.focus({ preventScroll: true });
    return true;
}

// The text of a text box as UTF-8 bytes, for the server to read as a stream: a stream comes in chunks that each fit
// the circuit's message limit, so a pasted catalog file of megabytes arrives whole where an input event carrying the
// value would be refused by that limit and drop the connection. A stream cannot be empty: ask isEmpty first.
export function textOf(element) {
    return new TextEncoder().encode(element ? element.value : '');
}

export function isEmpty(element) {
    return !element || element.value.length === 0;
}
