// Types a user's name and password into the IdP's login page and submits it, as the user would; resolves to the
// page's status line once the IdP has answered (waiting up to 5 s for the page, and 5 s for the answer). Evaluated by FirefoxIdentityIT in the login window.
(async function (username, password) {
    'use strict';
    const pause = () => new Promise((resolve) => setTimeout(resolve, 100));
    for (let i = 0; i < 50 && (document.readyState !== 'complete' || !document.getElementById('status')); i++) {
        await pause();
    }
    const form = document.getElementById('login-form');
    const status = document.getElementById('status');
    form.elements.username.value = username;
    form.elements.password.value = password;
    const before = status.textContent;
    form.requestSubmit();
    for (let i = 0; i < 50; i++) {
        const now = status.textContent;
        if (now !== before && now !== 'Logging in…') {
            break;
        }
        await pause();
    }
    return status.textContent;
})
