// Runs in <head> before first paint: apply the theme the visitor chose earlier, if any.
// Without a choice the stylesheet follows prefers-color-scheme.
(function () {
    try {
        var theme = localStorage.getItem('portal-theme');
        if (theme === 'light' || theme === 'dark') {
            document.documentElement.setAttribute('data-theme', theme);
        }
    } catch (e) { /* storage blocked: follow the system theme */ }
})();
