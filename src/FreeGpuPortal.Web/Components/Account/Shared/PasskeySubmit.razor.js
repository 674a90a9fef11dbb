const browserSupportsPasskeys =
    typeof navigator.credentials !== 'undefined' &&
    typeof window.PublicKeyCredential !== 'undefined' &&
    typeof window.PublicKeyCredential.parseCreationOptionsFromJSON === 'function' &&
    typeof window.PublicKeyCredential.parseRequestOptionsFromJSON === 'function';

const hostIsIpAddress = /^\d{1,3}(\.\d{1,3}){3}$/.test(location.hostname) || location.hostname.startsWith('[');

// WebAuthn works only in a secure context (HTTPS, or localhost) and with a domain name as the relying party, never an
// IP address: anywhere else every request fails with "SecurityError: This is an invalid domain". Checked before any
// use, so such a host gets the page's message and no error in the console.
const webAuthnAvailable = browserSupportsPasskeys && window.isSecureContext && !hostIsIpAddress;

class PasskeysUnavailableError extends Error {
    constructor(message) {
        super(message);
        this.name = 'PasskeysUnavailableError';
    }
}

// The messages a person may see come from the page, in its language (attributes of <passkey-submit>).
const messages = {
    unsupported: 'Some passkey features are missing. Please update your browser.',
    unavailable: 'Passkeys cannot be used at this address: open the portal by its domain name, over HTTPS.',
    serverFailed: 'The server responded with status {0}.',
    notProvided: 'No passkey was provided by the authenticator.',
};

async function fetchWithErrorHandling(url, options = {}) {
    const response = await fetch(url, {
        credentials: 'include',
        ...options
    });
    if (!response.ok) {
        const text = await response.text();
        console.error(text);
        throw new Error(messages.serverFailed.replace('{0}', response.status));
    }
    return response;
}

async function createCredential(headers, signal) {
    const optionsResponse = await fetchWithErrorHandling('/Account/PasskeyCreationOptions', {
        method: 'POST',
        headers,
        signal,
    });
    const optionsJson = await optionsResponse.json();
    const options = PublicKeyCredential.parseCreationOptionsFromJSON(optionsJson);
    return await navigator.credentials.create({ publicKey: options, signal });
}

async function requestCredential(email, mediation, headers, signal) {
    const optionsResponse = await fetchWithErrorHandling(`/Account/PasskeyRequestOptions?username=${email}`, {
        method: 'POST',
        headers,
        signal,
    });
    const optionsJson = await optionsResponse.json();
    const options = PublicKeyCredential.parseRequestOptionsFromJSON(optionsJson);
    return await navigator.credentials.get({ publicKey: options, mediation, signal });
}

customElements.define('passkey-submit', class extends HTMLElement {
    static formAssociated = true;

    connectedCallback() {
        this.internals = this.attachInternals();
        this.attrs = {
            operation: this.getAttribute('operation'),
            name: this.getAttribute('name'),
            emailName: this.getAttribute('email-name'),
            requestTokenName: this.getAttribute('request-token-name'),
            requestTokenValue: this.getAttribute('request-token-value'),
        };
        messages.unsupported = this.getAttribute('unsupported-message') ?? messages.unsupported;
        messages.unavailable = this.getAttribute('unavailable-message') ?? messages.unavailable;
        messages.serverFailed = this.getAttribute('server-failed-message') ?? messages.serverFailed;
        messages.notProvided = this.getAttribute('not-provided-message') ?? messages.notProvided;

        this.internals.form.addEventListener('submit', (event) => {
            if (event.submitter?.name === '__passkeySubmit') {
                event.preventDefault();
                this.obtainAndSubmitCredential();
            }
        });

        this.tryAutofillPasskey();
    }

    disconnectedCallback() {
        this.abortController?.abort();
    }

    async obtainCredential(useConditionalMediation, signal) {
        if (!browserSupportsPasskeys) {
            throw new PasskeysUnavailableError(messages.unsupported);
        }
        if (!webAuthnAvailable) {
            throw new PasskeysUnavailableError(messages.unavailable);
        }

        const headers = {
            [this.attrs.requestTokenName]: this.attrs.requestTokenValue,
        };

        if (this.attrs.operation === 'Create') {
            return await createCredential(headers, signal);
        } else if (this.attrs.operation === 'Request') {
            const email = new FormData(this.internals.form).get(this.attrs.emailName);
            const mediation = useConditionalMediation ? 'conditional' : undefined;
            return await requestCredential(email, mediation, headers, signal);
        } else {
            throw new Error(`Unknown passkey operation '${this.attrs.operation}'.`);
        }
    }

    async obtainAndSubmitCredential(useConditionalMediation = false) {
        this.abortController?.abort();
        this.abortController = new AbortController();
        const signal = this.abortController.signal;
        const formData = new FormData();
        try {
            const credential = await this.obtainCredential(useConditionalMediation, signal);
            const credentialJson = JSON.stringify(credential);
            formData.append(`${this.attrs.name}.CredentialJson`, credentialJson);
        } catch (error) {
            if (error.name === 'AbortError') {
                // The user explicitly canceled the operation - return without error.
                return;
            }
            // Not a fault of the page: this browser or this address cannot use passkeys (a browser that still
            // refuses the domain reports a SecurityError). The person is told so; the console stays clean.
            const unavailable = error instanceof PasskeysUnavailableError || error.name === 'SecurityError';
            if (useConditionalMediation) {
                // An error occurred during conditional mediation, which is not user-initiated: a warning in the
                // console, nothing relayed to the user.
                if (!unavailable) {
                    console.warn(error);
                }
                return;
            }
            if (!unavailable) {
                console.error(error);
            }
            const errorMessage = error.name === 'NotAllowedError'
                ? messages.notProvided
                : error.name === 'SecurityError' ? messages.unavailable : error.message;
            formData.append(`${this.attrs.name}.Error`, errorMessage);
        }
        this.internals.setFormValue(formData);
        this.internals.form.submit();
    }

    async tryAutofillPasskey() {
        if (!webAuthnAvailable) {
            return;
        }
        if (this.attrs.operation === 'Request' && await PublicKeyCredential.isConditionalMediationAvailable?.()) {
            await this.obtainAndSubmitCredential(/* useConditionalMediation */ true);
        }
    }
});
