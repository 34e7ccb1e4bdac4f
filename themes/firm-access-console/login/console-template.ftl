<#-- Every page imports this template, so this one setting gives all of the console's ?url its charset:
     Keycloak's FreeMarker setup sets none, and ?url without one fails as the page is rendered. -->
<#setting url_escaping_charset="UTF-8">
<#macro page title>
<!DOCTYPE html>
<html lang="${locale}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <title>${title} · ${msg("consoleTitle")}</title>
  <link rel="stylesheet" href="${resourcesCommonPath}/vendor/patternfly-v5/patternfly.min.css">
  <link rel="stylesheet" href="${resourcesCommonPath}/vendor/patternfly-v5/patternfly-addons.css">
  <link rel="stylesheet" href="${resourcesPath}/css/console.css">
  <script src="${resourcesPath}/js/console.js" defer></script>
</head>
<body>
<a class="pf-v5-c-skip-to-content pf-v5-c-button pf-m-primary" href="#main">${msg("skipToContent")}</a>
<div class="pf-v5-c-page fa-page">
  <header class="pf-v5-c-masthead fa-masthead">
    <div class="pf-v5-c-masthead__main">
      <span class="pf-v5-c-masthead__brand fa-brand">${msg("consoleTitle")}</span>
    </div>
    <div class="pf-v5-c-masthead__content fa-masthead-content">
      <#if firms?? && (firms?size > 1)>
        <form method="get" action="${consoleUrl}" class="fa-inline" id="firm-switcher">
          <label for="firm-switch" class="fa-light">${msg("switchFirm")}</label>
          <@selectControl><select id="firm-switch" name="firm" data-navigate="${consoleUrl}firms/">
            <#list firms as f>
              <option value="${f.alias()}" <#if firm?? && firm.alias() == f.alias()>selected</#if>>${f.name()} (${roleLabelOf(f)})</option>
            </#list>
          </select></@selectControl>
          <noscript><a class="fa-light" href="${consoleUrl}">${msg("allFirms")}</a></noscript>
        </form>
      </#if>
      <span class="fa-light" id="signed-in-as">${userName!""}</span>
      <#if csrf??>
        <form method="post" action="${consoleUrl}logout" class="fa-inline">
          <input type="hidden" name="csrf" value="${csrf}">
          <button type="submit" class="pf-v5-c-button pf-m-secondary" id="logout">${msg("signOut")}</button>
        </form>
      </#if>
    </div>
  </header>
  <main class="pf-v5-c-page__main" id="main" tabindex="-1">
    <#if firm?? && section??>
    <nav class="pf-v5-c-nav pf-m-horizontal pf-m-horizontal-subnav fa-nav" aria-label="${msg("sections")}">
      <ul class="pf-v5-c-nav__list" role="list">
        <#if canManage>
          <@navItem "staff" "staff"/>
          <@navItem "businesses" "businesses"/>
          <@navItem "matrix" "accessMatrix"/>
          <@navItem "invitations" "invitations"/>
          <@navItem "teams" "teams"/>
          <@navItem "levels" "accessLevels"/>
          <@navItem "sso" "sso"/>
          <@navItem "audit" "audit"/>
        </#if>
        <@navItem "portal" "portalUsers"/>
        <#if isStaff>
          <@navItem "mine" "myBusinesses"/>
          <@navItem "keys" "myKeys"/>
        </#if>
      </ul>
    </nav>
    </#if>
    <section class="pf-v5-c-page__main-section pf-m-light">
      <h1 class="pf-v5-c-title pf-m-2xl" id="page-title">${title}</h1>
      <#if firm??><p class="fa-subtitle">${firm.name()} · ${roleLabelOf(firm)}</p></#if>
    </section>
    <section class="pf-v5-c-page__main-section">
      <#nested>
    </section>
  </main>
</div>
<#-- The frame of every modal dialog console.js opens: PatternFly's modal box over its backdrop. -->
<template id="fa-modal">
  <div class="pf-v5-c-backdrop fa-backdrop">
    <div class="pf-v5-l-bullseye">
      <div class="pf-v5-c-modal-box" role="dialog" aria-modal="true" aria-labelledby="fa-modal-title">
        <div class="pf-v5-c-modal-box__close"><button type="button" class="pf-v5-c-button pf-m-plain" id="fa-modal-close" aria-label="${msg("close")}"><svg viewBox="0 0 352 512" width="11" height="16" aria-hidden="true" focusable="false"><path fill="currentColor" d="M242.7 256l100.1-100.1c12.3-12.3 12.3-32.2 0-44.5l-22.2-22.2c-12.3-12.3-32.2-12.3-44.5 0L176 189.3 75.9 89.2c-12.3-12.3-32.2-12.3-44.5 0L9.2 111.4c-12.3 12.3-12.3 32.2 0 44.5L109.3 256 9.2 356.1c-12.3 12.3-12.3 32.2 0 44.5l22.2 22.2c12.3 12.3 32.2 12.3 44.5 0L176 322.7l100.1 100.1c12.3 12.3 32.2 12.3 44.5 0l22.2-22.2c12.3-12.3 12.3-32.2 0-44.5L242.7 256z"/></svg></button></div>
        <header class="pf-v5-c-modal-box__header"><h2 class="pf-v5-c-modal-box__title" id="fa-modal-title"></h2></header>
        <div class="pf-v5-c-modal-box__body" id="fa-modal-body"></div>
        <footer class="pf-v5-c-modal-box__footer" id="fa-modal-footer"><button type="button" class="pf-v5-c-button pf-m-link" id="fa-modal-cancel">${msg("dismiss")}</button></footer>
      </div>
    </div>
  </div>
</template>
</body>
</html>
</#macro>

<#macro searchForm action id="search">
  <form method="get" action="${action}" class="fa-toolbar" role="search">
    <label for="${id}" class="pf-v5-screen-reader">${msg("search")}</label>
    <span class="pf-v5-c-form-control fa-search"><input type="search" id="${id}" name="search" value="${search}" placeholder="${msg("search")}"></span>
    <button class="pf-v5-c-button pf-m-control" type="submit">${msg("search")}</button>
  </form>
</#macro>

<#-- PatternFly's pagination: the shown range, and previous and next links that keep the search term and the page's filters
     (name to value; blank ones are left out). A page with a second list pages it with its own offset parameter and ids.
     The page size is the server's, so there is no per-page choice. -->
<#macro pager action filters={} from=first count=total param="first" name="pager">
  <#if (count > pageSize)>
  <#local kept><#list filters as key, value><#if value?has_content>&${key}=${value?url}</#if></#list></#local>
  <div class="pf-v5-c-pagination fa-pagination" id="${name}">
    <div class="pf-v5-c-pagination__total-items"><span class="fa-page-range">${msg("pageRange", from + 1, [from + pageSize, count]?min, count)}</span></div>
    <nav class="pf-v5-c-pagination__nav" aria-label="${msg("pagination")}">
      <div class="pf-v5-c-pagination__nav-control pf-m-prev">
        <#if (from > 0)><a class="pf-v5-c-button pf-m-plain" id="${name}-previous" aria-label="${msg("previousPage")}" href="${action}?${param}=${[from - pageSize, 0]?max?c}&search=${search?url}${kept}"><@pagerArrow "M31.7 239l136-136c9.4-9.4 24.6-9.4 33.9 0l22.6 22.6c9.4 9.4 9.4 24.6 0 33.9L127.9 256l96.4 96.4c9.4 9.4 9.4 24.6 0 33.9L201.7 409c-9.4 9.4-24.6 9.4-33.9 0l-136-136c-9.5-9.4-9.5-24.6-.1-34z"/></a>
        <#else><button type="button" class="pf-v5-c-button pf-m-plain" disabled aria-label="${msg("previousPage")}"><@pagerArrow "M31.7 239l136-136c9.4-9.4 24.6-9.4 33.9 0l22.6 22.6c9.4 9.4 9.4 24.6 0 33.9L127.9 256l96.4 96.4c9.4 9.4 9.4 24.6 0 33.9L201.7 409c-9.4 9.4-24.6 9.4-33.9 0l-136-136c-9.5-9.4-9.5-24.6-.1-34z"/></button></#if>
      </div>
      <div class="pf-v5-c-pagination__nav-control pf-m-next">
        <#if (from + pageSize < count)><a class="pf-v5-c-button pf-m-plain" id="${name}-next" aria-label="${msg("nextPage")}" href="${action}?${param}=${(from + pageSize)?c}&search=${search?url}${kept}"><@pagerArrow "M224.3 273l-136 136c-9.4 9.4-24.6 9.4-33.9 0l-22.6-22.6c-9.4-9.4-9.4-24.6 0-33.9l96.4-96.4-96.4-96.4c-9.4-9.4-9.4-24.6 0-33.9L54.3 103c9.4-9.4 24.6-9.4 33.9 0l136 136c9.5 9.4 9.5 24.6.1 34z"/></a>
        <#else><button type="button" class="pf-v5-c-button pf-m-plain" disabled aria-label="${msg("nextPage")}"><@pagerArrow "M224.3 273l-136 136c-9.4 9.4-24.6 9.4-33.9 0l-22.6-22.6c-9.4-9.4-9.4-24.6 0-33.9l96.4-96.4-96.4-96.4c-9.4-9.4-9.4-24.6 0-33.9L54.3 103c9.4-9.4 24.6-9.4 33.9 0l136 136c9.5 9.4 9.5 24.6.1 34z"/></button></#if>
      </div>
    </nav>
  </div>
  </#if>
</#macro>

<#-- An angle of the pager's buttons (drawn here: the icon font is not loaded). -->
<#macro pagerArrow path><svg viewBox="0 0 256 512" width="8" height="16" aria-hidden="true" focusable="false"><path fill="currentColor" d="${path}"/></svg></#macro>

<#macro navItem target label>
  <li class="pf-v5-c-nav__item"><a id="nav-${target}" class="pf-v5-c-nav__link <#if section == target>pf-m-current</#if>" <#if section == target>aria-current="page"</#if> href="${firmUrl}${target}">${msg(label)}</a></li>
</#macro>

<#-- A moment in time: UTC on the server, the viewer's own time zone once console.js has run. -->
<#macro time millis seconds=false>
  <#setting time_zone="UTC">
  <#assign moment = millis?number_to_datetime>
  <time datetime="${moment?string.iso_s_u}" data-local="${seconds?then("seconds", "minutes")}">${moment?string(seconds?then("yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"))} UTC</time><#t>
</#macro>

<#-- A PatternFly select: the control's frame around the native select, and its caret (drawn here: the icon font is not loaded). -->
<#macro selectControl>
  <span class="pf-v5-c-form-control fa-select"><#nested><span class="pf-v5-c-form-control__utilities"><span class="pf-v5-c-form-control__toggle-icon"><svg viewBox="0 0 320 512" width="10" height="16" aria-hidden="true" focusable="false"><path fill="currentColor" d="M31 192h258c17.8 0 26.7 21.5 14.1 34.1L174.1 355c-7.8 7.8-20.5 7.8-28.3 0L16.9 226.1C4.3 213.5 13.2 192 31 192z"/></svg></span></span></span><#t>
</#macro>

<#-- A destructive action asks first. Without scripts the question opens under its button (a details element) with the
     confirming button; console.js asks it in a small modal dialog instead, whose danger button submits this same form. -->
<#macro confirmAction action label title question button summaryClass="" summaryLabel="" buttonClass="" fields={}>
  <details class="fa-confirm" data-confirm-title="${title}">
    <summary class="pf-v5-c-button pf-m-link pf-m-danger pf-m-small ${summaryClass}"<#if summaryLabel?has_content> aria-label="${summaryLabel}"</#if>>${label}</summary>
    <form method="post" action="${action}">
      <@csrfField/><#list fields as key, value><input type="hidden" name="${key}" value="${value}"></#list>
      <p class="fa-confirm-question">${question}</p>
      <button type="submit" class="pf-v5-c-button pf-m-danger pf-m-small fa-confirm-button ${buttonClass}">${button}</button>
    </form>
  </details>
</#macro>

<#macro csrfField><input type="hidden" name="csrf" value="${csrf}"></#macro>

<#-- A realm administrator who is not staff of a firm has no firm role: the list shows that they administer the realm. -->
<#function roleLabelOf f>
  <#if f.role()?? && f.role() != "realm-admin"><#return roleText(f.role(), f.roleLabel())></#if>
  <#return msg("realmAdminRole")>
</#function>

<#-- A staff role by its own name and the realm's label for it, "Owner · PartnerAdmin": realms may give owners and
     admins the same label, and the two must still be told apart. -->
<#function roleText role label>
  <#return msg("roleName_" + role) + " · " + label>
</#function>

<#-- Creating a business: owners and admins on the businesses page, members on their own page when the realm allows it. -->
<#macro createBusinessForm>
  <form method="post" action="${firmUrl}businesses" class="pf-v5-c-form fa-toolbar" id="create-business" aria-labelledby="create-business-heading">
    <@csrfField/>
    <h2 class="pf-v5-c-title pf-m-md fa-form-heading" id="create-business-heading">${msg("createBusiness")}</h2>
    <div class="fa-field">
      <label class="pf-v5-c-form__label" for="business-name"><span class="pf-v5-c-form__label-text">${msg("businessName")}</span></label>
      <span class="pf-v5-c-form-control"><input id="business-name" name="name" required maxlength="255"></span>
    </div>
    <div class="fa-field">
      <label class="pf-v5-c-form__label" for="business-ref"><span class="pf-v5-c-form__label-text">${msg("externalRef")}</span></label>
      <span class="pf-v5-c-form-control"><input id="business-ref" name="externalRef" maxlength="255"></span>
    </div>
    <button type="submit" class="pf-v5-c-button pf-m-primary" id="create-business-button">${msg("create")}</button>
  </form>
</#macro>
