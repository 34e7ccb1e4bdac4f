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
</body>
</html>
</#macro>

<#macro searchForm action>
  <form method="get" action="${action}" class="fa-toolbar" role="search">
    <label for="search" class="pf-v5-screen-reader">${msg("search")}</label>
    <span class="pf-v5-c-form-control fa-search"><input type="search" id="search" name="search" value="${search}" placeholder="${msg("search")}"></span>
    <button class="pf-v5-c-button pf-m-control" type="submit">${msg("search")}</button>
  </form>
</#macro>

<#-- Previous and next links that keep the search term and the page's filters (name to value; blank ones are left out).
     A page with a second list pages it with its own offset parameter and link ids. -->
<#macro pager action filters={} from=first count=total param="first" name="pager">
  <#if (count > pageSize)>
  <#local kept><#list filters as key, value><#if value?has_content>&${key}=${value?url}</#if></#list></#local>
  <nav class="fa-pager" id="${name}" aria-label="${msg("pagination")}">
    <span>${msg("pageRange", from + 1, [from + pageSize, count]?min, count)}</span>
    <#if (from > 0)><a class="pf-v5-c-button pf-m-link" id="${name}-previous" href="${action}?${param}=${[from - pageSize, 0]?max?c}&search=${search?url}${kept}">${msg("previous")}</a></#if>
    <#if (from + pageSize < count)><a class="pf-v5-c-button pf-m-link" id="${name}-next" href="${action}?${param}=${(from + pageSize)?c}&search=${search?url}${kept}">${msg("next")}</a></#if>
  </nav>
  </#if>
</#macro>

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
