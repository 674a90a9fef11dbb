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

    // A form with unsaved changes (data-dirty="true") guards leaving it. Link clicks normally become enhanced
    // navigations, which by design never reach an interactive page's NavigationLock (there is no interactive router).
    // While such a form is dirty, a link click is left to the browser as a plain navigation, so the "beforeunload"
    // guard below asks first. Capture on window runs before Blazor's own click handling.
    function hasUnsavedForm() {
        return document.querySelector('[data-leave-guard][data-dirty="true"]') !== null;
    }

    window.addEventListener('click', function (event) {
        var link = event.target.closest && event.target.closest('a[href]');
        if (!link || event.defaultPrevented || !hasUnsavedForm()) { return; }
        if (link.hasAttribute('download') || (link.target && link.target !== '_self')) { return; }
        event.stopImmediatePropagation();
    }, true);

    // Leaving the page (a link, a reload, closing the tab) asks first while a form is dirty. The guard reads the form's
    // own attribute, which arrives with the render that made it dirty; NavigationLock's prompt would be switched on by
    // a call one round trip after that render, and a quick click in between would leave without asking.
    window.addEventListener('beforeunload', function (event) {
        if (!hasUnsavedForm()) { return; }
        event.preventDefault();
        event.returnValue = '';
    });

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

    // Typing applies after a short pause and replaces the current history entry: one word typed is one step back, not
    // one step per letter. A committed change (a box ticked, a mode chosen, a sort) adds an entry.
    var TYPING_PAUSE_MS = 400;
    var enhancedForms = new WeakSet();
    var timer = null;
    var typingField = null;      // the field of the typing run in progress
    var typingPushed = false;    // whether that run has already added its history entry
    var formNavigationPath = null; // the address of the last view this script asked for from the form

    function isTypedField(element) {
        return element && (element.type === 'search' || element.type === 'number' || element.type === 'text');
    }

    function currentPath() { return location.pathname + location.search; }

    function go(url, replace) {
        if (window.Blazor && typeof window.Blazor.navigateTo === 'function') {
            window.Blazor.navigateTo(url, { replaceHistoryEntry: replace });
        } else if (replace) {
            location.replace(url);
        } else {
            location.assign(url);
        }
    }

    function navigate(form, replace) {
        clearTimeout(timer);
        timer = null;
        var url = location.pathname + queryFromForm(form);
        form.querySelectorAll('[data-permanent] input').forEach(function (field) { field.removeAttribute('data-dirty'); });
        if (url === currentPath()) { return false; }
        formNavigationPath = url;
        go(url, replace);
        return true;
    }

    // The run of typing in one field: its first view adds a history entry, every later one replaces it.
    function navigateTyping(form) {
        if (navigate(form, typingPushed)) { typingPushed = true; }
    }

    function endTypingRun() {
        typingField = null;
        typingPushed = false;
    }

    function commit(form) {
        endTypingRun();
        navigate(form, false);
    }

    function enhanceFilterForms() {
        document.querySelectorAll('form[data-filter-form]').forEach(function (form) {
            if (enhancedForms.has(form)) { return; }
            enhancedForms.add(form);
            form.addEventListener('submit', function (event) {
                event.preventDefault();
                if (timer !== null) { navigateTyping(form); } else { commit(form); }
            });
            form.addEventListener('change', function (event) {
                // A typed field reports "change" when it loses focus: that only flushes a pause not yet over.
                if (isTypedField(event.target)) {
                    if (timer !== null) { navigateTyping(form); }
                    return;
                }
                commit(form);
            });
            form.addEventListener('input', function (event) {
                var field = event.target;
                if (!isTypedField(field)) { return; }
                if (typingField !== field) {
                    typingField = field;
                    typingPushed = false;
                }
                field.setAttribute('data-dirty', 'true');
                clearTimeout(timer);
                timer = setTimeout(function () { navigateTyping(form); }, TYPING_PAUSE_MS);
            });
            form.addEventListener('focusout', function (event) {
                if (event.target === typingField && timer === null) { endTypingRun(); }
            });
        });
    }

    // After a view arrived: a typed field keeps what the visitor typed when the view is one this form asked for, or when
    // the visitor typed into it since. Otherwise (a link, a sort header, back, forward) it shows the view's value.
    function syncTypedFields() {
        var fromForm = formNavigationPath !== null && formNavigationPath === currentPath();
        formNavigationPath = null;
        if (!fromForm) { endTypingRun(); }
        document.querySelectorAll('form[data-filter-form] [data-permanent]').forEach(function (holder) {
            var field = holder.querySelector('input');
            if (!field || fromForm || field.hasAttribute('data-dirty')) { return; }
            var value = holder.getAttribute('data-value') || '';
            if (field.value !== value) { field.value = value; }
        });
    }

    // On a phone the filters fold behind "Filters (n)". The page rendered for each view has the panel folded, so the
    // state the visitor chose is put back as the new view arrives (in the same task: nothing flickers or loses focus).
    var filtersOpen = null;
    var wideScreen = window.matchMedia ? window.matchMedia('(min-width: 601px)') : null;
    var detailsContentStyling = window.CSS && CSS.supports && CSS.supports('selector(::details-content)');

    var watchedDisclosures = new WeakSet();

    function restoreFilterDisclosure() {
        document.querySelectorAll('details[data-filters-disclosure]').forEach(function (details) {
            if (!watchedDisclosures.has(details)) {
                watchedDisclosures.add(details);
                details.addEventListener('toggle', function () { filtersOpen = details.open; });
            }
            // Where CSS cannot show a closed panel's content on wide screens, open it there.
            var open = filtersOpen !== null ? filtersOpen : (!detailsContentStyling && wideScreen && wideScreen.matches);
            if (open && !details.open) { details.open = true; }
        });
    }

    // A value's source tip opens on hover, keyboard focus or tap (CSS alone does that). Inside a table that scrolls
    // sideways its box would be clipped at the table's edge, so the script lifts it out: fixed to the viewport, next to
    // its value, and moved inside the screen's edges.
    var EDGE = 8;

    function placeTip(holder) {
        var trigger = holder.querySelector('.sourced-value');
        var tip = holder.querySelector('.sourced-tip');
        if (!trigger || !tip) { return; }
        tip.classList.add('sourced-tip-placed');
        var anchor = trigger.getBoundingClientRect();
        var box = tip.getBoundingClientRect();
        var viewportWidth = document.documentElement.clientWidth;
        var viewportHeight = document.documentElement.clientHeight;
        var left = Math.max(EDGE, Math.min(anchor.left, viewportWidth - box.width - EDGE));
        var top = anchor.bottom;
        if (top + box.height > viewportHeight - EDGE && anchor.top - box.height >= EDGE) {
            top = anchor.top - box.height;
        }
        tip.style.left = left + 'px';
        tip.style.top = top + 'px';
    }

    function placeOpenTips() {
        document.querySelectorAll('.sourced:hover, .sourced:focus-within').forEach(placeTip);
    }

    document.addEventListener('mouseover', function (event) {
        var holder = event.target.closest && event.target.closest('.sourced');
        if (holder && !holder.contains(event.relatedTarget)) { placeTip(holder); }
    });
    document.addEventListener('focusin', function (event) {
        var holder = event.target.closest && event.target.closest('.sourced');
        if (holder) { placeTip(holder); }
    });
    window.addEventListener('scroll', placeOpenTips, { capture: true, passive: true });
    window.addEventListener('resize', placeOpenTips, { passive: true });

    // The compare form: one canonical, shareable URL (compare?p=a,b) instead of repeated p parameters.
    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!form.matches || !form.matches('form[data-compare-form]')) { return; }
        event.preventDefault();
        var picked = Array.prototype.map.call(
            document.querySelectorAll('input[form="' + form.id + '"]:checked'), function (box) { return box.value; });
        go('compare' + (picked.length ? '?p=' + picked.map(encodeURIComponent).join(',') : ''), false);
    });

    // A double click sends a form once. A browser that is sent a second submission while the first is under way
    // drops the first answer and shows the second: after a double click on "Update password", the page said
    // "Incorrect password" although the first request had changed it. Forms that Blazor handles itself (interactive or
    // enhanced) have had their default prevented by now (this listener is on the window, so it runs last) and are left
    // alone; a submission after the pause (a download form used again) goes through.
    var RESUBMIT_PAUSE_MS = 3000;
    window.addEventListener('submit', function (event) {
        var form = event.target;
        if (event.defaultPrevented || !form.matches || !form.matches('form[method="post" i]')) { return; }
        var now = Date.now();
        var last = Number(form.getAttribute('data-submitted-at') || 0);
        if (now - last < RESUBMIT_PAUSE_MS) {
            event.preventDefault();
            return;
        }
        form.setAttribute('data-submitted-at', String(now));
    });

    // The language suggestion on English pages: shown to a browser whose first language is Chinese, until a language
    // has been chosen (switched, or the suggestion closed). Shown here, not by the server, so every visitor gets the
    // same cacheable page and nobody is redirected.
    var LANGUAGE_KEY = 'portal-language';

    function storedLanguage() {
        try { return localStorage.getItem(LANGUAGE_KEY); } catch (e) { return null; }
    }

    function storeLanguage(value) {
        try { localStorage.setItem(LANGUAGE_KEY, value); } catch (e) { /* not persisted */ }
    }

    function offerLanguage() {
        var box = document.querySelector('[data-language-suggestion]');
        if (!box || storedLanguage()) { return; }
        var preferred = (navigator.languages && navigator.languages[0]) || navigator.language || '';
        if (/^zh\b/i.test(preferred)) { box.hidden = false; }
    }

    document.addEventListener('click', function (event) {
        var target = event.target.closest && event.target.closest('[data-language-choice], [data-language-dismiss]');
        if (!target) { return; }
        if (target.hasAttribute('data-language-dismiss')) {
            storeLanguage('en');
            var box = target.closest('[data-language-suggestion]');
            if (box) { box.hidden = true; }
            return;
        }
        storeLanguage(target.getAttribute('data-language-choice'));
    });

    function onPageReady() {
        applyTheme();
        offerLanguage();
        enhanceFilterForms();
        restoreFilterDisclosure();
        document.documentElement.setAttribute('data-enhanced', 'true');
    }

    function onEnhancedLoad() {
        syncTypedFields();
        onPageReady();
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', onPageReady);
    } else {
        onPageReady();
    }
    if (window.Blazor && typeof window.Blazor.addEventListener === 'function') {
        window.Blazor.addEventListener('enhancedload', onEnhancedLoad);
    }
})();
