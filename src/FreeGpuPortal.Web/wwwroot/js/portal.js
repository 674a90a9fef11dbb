// Progressive enhancement for the statically rendered pages. Everything works without this file:
// sort headers are links and the filter form is a plain GET form. With it, filter changes apply as they
// happen, through Blazor's enhanced navigation (URL updated, no full reload, back/forward restore views).
(function () {
    'use strict';

    var storedTheme = function () {
        try { return localStorage.getItem('portal-theme'); } catch (e) { return null; }
    };

    function applyTheme() {
        var theme = storedTheme();
        if (theme === 'light' || theme === 'dark') {
            document.documentElement.setAttribute('data-theme', theme);
        }
    }

    function currentTheme() {
        var explicit = document.documentElement.getAttribute('data-theme');
        if (explicit) { return explicit; }
        return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    }

    document.addEventListener('click', function (event) {
        var toggle = event.target.closest && event.target.closest('[data-theme-toggle]');
        if (!toggle) { return; }
        var next = currentTheme() === 'dark' ? 'light' : 'dark';
        document.documentElement.setAttribute('data-theme', next);
        try { localStorage.setItem('portal-theme', next); } catch (e) { /* not persisted */ }
    });

    function queryFromForm(form) {
        var params = new URLSearchParams();
        var features = [];
        new FormData(form).forEach(function (value, name) {
            value = String(value).trim();
            if (!value) { return; }
            if (name === 'features') { features.push(value); return; }
            if (name === 'gpuMemory' && value === 'guaranteed') { return; }
            params.set(name, value);
        });
        if (features.length) { params.set('features', features.join(',')); }
        var query = params.toString().replace(/%2C/g, ',');
        return query ? '?' + query : '';
    }

    var enhancedForms = new WeakSet();
    var timer = null;

    function navigate(form) {
        clearTimeout(timer);
        var url = location.pathname + queryFromForm(form);
        if (url === location.pathname + location.search) { return; }
        if (window.Blazor && typeof window.Blazor.navigateTo === 'function') {
            window.Blazor.navigateTo(url);
        } else {
            location.assign(url);
        }
    }

    function enhanceFilterForms() {
        document.querySelectorAll('form[data-filter-form]').forEach(function (form) {
            if (enhancedForms.has(form)) { return; }
            enhancedForms.add(form);
            form.addEventListener('submit', function (event) {
                event.preventDefault();
                navigate(form);
            });
            form.addEventListener('change', function () { navigate(form); });
            form.addEventListener('input', function (event) {
                if (event.target.type === 'checkbox' || event.target.tagName === 'SELECT') { return; }
                clearTimeout(timer);
                timer = setTimeout(function () { navigate(form); }, 500);
            });
        });
    }

    // The compare form: one canonical, shareable URL (compare?p=a,b) instead of repeated p parameters.
    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!form.matches || !form.matches('form[data-compare-form]')) { return; }
        event.preventDefault();
        var picked = Array.prototype.map.call(
            document.querySelectorAll('input[form="' + form.id + '"]:checked'), function (box) { return box.value; });
        var url = 'compare' + (picked.length ? '?p=' + picked.map(encodeURIComponent).join(',') : '');
        if (window.Blazor && typeof window.Blazor.navigateTo === 'function') {
            window.Blazor.navigateTo(url);
        } else {
            location.assign(url);
        }
    });

    function onPageReady() {
        applyTheme();
        enhanceFilterForms();
        document.documentElement.setAttribute('data-enhanced', 'true');
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', onPageReady);
    } else {
        onPageReady();
    }
    if (window.Blazor && typeof window.Blazor.addEventListener === 'function') {
        window.Blazor.addEventListener('enhancedload', onPageReady);
    }
})();
