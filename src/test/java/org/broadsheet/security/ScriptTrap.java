package org.broadsheet.security;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A browser context rigged to notice injected script: {@code alert}, {@code prompt}, {@code confirm}, {@code print}
 * and the corpus marker {@code __xss} are replaced in every frame by recorders, dialogs are recorded, and after each
 * load the DOM is searched for what would run on a click or a hover ({@code on*} attributes, {@code javascript:}
 * and {@code data:text} URLs, {@code srcdoc}, meta refresh, {@code base}) and for template expressions that were
 * evaluated. Images, media and fonts are answered with an error, so {@code onerror} payloads fire at once.
 * A response that only a POST produces is shown by {@link #render}: the page is fetched at {@code /__reflected}
 * on the site's own origin and answered with those bytes and headers.
 */
final class ScriptTrap {

    private static final String HOOK = """
            (() => {
              const hits = [];
              Object.defineProperty(window, '__hits', {value: hits});
              const rec = how => function (n) { hits.push(how + '(' + n + ')'); };
              window.__xss = rec('__xss');
              window.alert = rec('alert'); window.prompt = rec('prompt'); window.confirm = rec('confirm'); window.print = rec('print');
            })();
            """;
    private static final String SCAN = """
            async () => {
              await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));
              const found = [...window.__hits];
              const urlAttrs = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background', 'codebase'];
              for (const el of document.querySelectorAll('*')) {
                for (const a of el.attributes) {
                  const n = a.name.toLowerCase();
                  if (n.startsWith('on')) found.push(el.localName + ' ' + n + '=' + a.value);
                  if (n === 'srcdoc') found.push(el.localName + ' srcdoc');
                  if (urlAttrs.includes(n)) {
                    const v = a.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
                    if (v.startsWith('javascript:') || v.startsWith('vbscript:') || v.startsWith('data:text') || v.startsWith('data:application'))
                      found.push(el.localName + ' ' + n + '=' + a.value);
                  }
                }
                if (el.localName === 'meta' && (el.getAttribute('http-equiv') || '').toLowerCase() === 'refresh') found.push('meta refresh');
                if (el.localName === 'base') found.push('base ' + el.getAttribute('href'));
                if (el.localName === 'script' && el.type !== 'application/ld+json' && /__xss|alert\\(/.test(el.textContent)) found.push('inline script');
              }
              if (document.body && document.body.innerText.includes('94011')) found.push('template expression evaluated (31337*3)');
              return found;
            }
            """;

    private final BrowserContext context;
    private final Page page;
    private final List<String> dialogs = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private int loads;
    private volatile String reflectedBody = "";
    private volatile Map<String, String> reflectedHeaders = Map.of();

    ScriptTrap(BrowserContext context, String base) {
        this.context = context;
        context.addInitScript(HOOK);
        context.route("**/*", route -> {
            String type = route.request().resourceType();
            if (route.request().url().equals(base + "/__reflected")) {
                route.fulfill(new Route.FulfillOptions().setStatus(200).setHeaders(reflectedHeaders).setBody(reflectedBody));
            } else if (type.equals("image") || type.equals("media") || type.equals("font")) {
                route.abort();
            } else {
                route.resume();
            }
        });
        this.page = context.newPage();
        page.onDialog(d -> {
            dialogs.add(d.type() + ": " + d.message());
            d.dismiss();
        });
    }

    /** Loads the page and records anything that ran or could run, with this label. */
    void check(String label, String url) {
        page.navigate(url);
        scan(label);
    }

    /** Shows these response bytes as if the site had answered a GET with them (for POST responses). */
    void render(String label, String base, String html, Map<String, String> headers) {
        reflectedBody = html;
        reflectedHeaders = headers;
        page.navigate(base + "/__reflected");
        scan(label);
    }

    private void scan(String label) {
        loads++;
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) page.evaluate(SCAN);
        for (String f : found) {
            failures.add(label + " (" + page.url() + "): " + f);
        }
        for (String d : dialogs) {
            failures.add(label + " (" + page.url() + "): dialog " + d);
        }
        dialogs.clear();
    }

    List<String> failures() {
        return failures;
    }

    int loads() {
        return loads;
    }

    BrowserContext context() {
        return context;
    }
}
