"""The theme's own inline scripts: the only inline scripts the policy may hash.

Material 9.8 writes a few small inline scripts from
`material/templates/partials/javascripts/*.html`. They are recognised here by
their exact text, with one hole where the theme writes a page-relative address
(`__md_scope` differs by page depth; `outdated` names the site's base URL).
Every other executable inline script in a built page fails the build: hashing
whatever a page happens to contain would let one page's script run on every
page of the site. After a theme upgrade, a changed script fails the build by
name; compare it with the theme's template, then update its entry here.
"""

from __future__ import annotations

import re

#: Stands for the address the theme writes into a script.
URL = "{url}"
#: An address as the theme writes one: no quote, backslash, `<` or space can
#: appear, so the hole cannot close the string literal it sits in.
_URL_PATTERN = r"[\w.~/:%@+-]*"

#: Material 9.8.2, minified exactly as its templates write them. Key: the
#: template file under partials/javascripts/ and what the script does.
THEME_SCRIPTS: dict[str, str] = {
    # base.html: localStorage helpers scoped to the site (on every page).
    "base.html: storage scope": (
        '__md_scope=new URL("' + URL + '",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)'
        '-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getIt'
        'em(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.'
        'pathname+"."+e,JSON.stringify(_))}catch(e){}}'
    ),
    # content.html: open the content tab a link's #hash names (on every page).
    "content.html: tab from hash": (
        'var target=document.getElementById(location.hash.slice(1));target&&target.name&&'
        '(target.checked=target.name.startsWith("__tabbed_"))'
    ),
    # content.html with the content.tabs.link feature: reopen the last tabs chosen.
    "content.html: linked tabs": (
        'var tabs=__md_get("__tabs");if(Array.isArray(tabs))e:for(var set of document.query'
        'SelectorAll(".tabbed-set")){var labels=set.querySelector(".tabbed-labels");for(var '
        'tab of tabs)for(var label of labels.getElementsByTagName("label"))if(label.innerText'
        '.trim()===tab){var input=document.getElementById(label.htmlFor);input.checked=!0;co'
        'ntinue e}}'
    ),
    # palette.html: with a palette toggle, restore the reader's colour scheme.
    "palette.html: colour scheme": (
        'var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-sch'
        'eme)"===palette.color.media){var media=matchMedia("(prefers-color-scheme: light)"),'
        'input=document.querySelector(media.matches?"[data-md-color-media=\'(prefers-color-'
        'scheme: light)\']":"[data-md-color-media=\'(prefers-color-scheme: dark)\']");palette'
        '.color.media=input.getAttribute("data-md-color-media"),palette.color.scheme=input.g'
        'etAttribute("data-md-color-scheme"),palette.color.primary=input.getAttribute("data-'
        'md-color-primary"),palette.color.accent=input.getAttribute("data-md-color-accent")}'
        'for(var[key,value]of Object.entries(palette.color))document.body.setAttribute("data'
        '-md-color-"+key,value)}'
    ),
    # consent.html: with extra.consent, the cookie consent form.
    "consent.html: consent form": (
        'var consent=__md_get("__consent");if(consent)for(var input of document.forms.consen'
        't.elements)input.name&&(input.checked=consent[input.name]||!1);else"file:"!==locati'
        'on.protocol&&setTimeout((function(){document.querySelector("[data-md-component=cons'
        'ent]").hidden=!1}),250);var form=document.forms.consent;for(var action of["submit",'
        '"reset"])form.addEventListener(action,(function(e){if(e.preventDefault(),"reset"==='
        'e.type)for(var n of document.forms.consent.elements)n.name&&(n.checked=!1);__md_set'
        '("__consent",Object.fromEntries(Array.from(new FormData(form).keys()).map((function'
        '(e){return[e,!0]})))),location.hash="",location.reload()}))'
    ),
    # announce.html: with an announcement bar, hide it once dismissed.
    "announce.html: announcement bar": (
        'var el=document.querySelector("[data-md-component=announce]");if(el){var content=el'
        '.querySelector(".md-typeset");__md_hash(content.innerHTML)===__md_get("__announce")'
        '&&(el.hidden=!0)}'
    ),
    # outdated.html: with versioning, the "not the latest version" banner.
    "outdated.html: outdated version banner": (
        'var el=document.querySelector("[data-md-component=outdated]"),base=new URL("' + URL
        + '"),outdated=__md_get("__outdated",sessionStorage,base);!0===outdated&&el&&(el.hidd'
        'en=!1)'
    ),
}


def _compile(text: str) -> tuple[str, re.Pattern[str]]:
    """(the text before the hole, the whole script as a pattern): the prefix is a quick
    first test, as every page carries several of these scripts."""
    parts = text.split(URL)
    return parts[0], re.compile(_URL_PATTERN.join(re.escape(part) for part in parts))


_PATTERNS = {name: _compile(text) for name, text in THEME_SCRIPTS.items()}


def theme_script(body: str) -> str | None:
    """The THEME_SCRIPTS key of an inline script's text, or None if it is not the theme's."""
    for name, (prefix, pattern) in _PATTERNS.items():
        if body.startswith(prefix) and pattern.fullmatch(body):
            return name
    return None
