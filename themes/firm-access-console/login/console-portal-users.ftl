<#import "console-template.ftl" as layout>
<#import "console-portal-macros.ftl" as portal>
<@layout.page title=msg("portalUsers")>
  <form method="get" action="${firmUrl}portal" class="fa-toolbar" id="portal-filter" role="search">
    <label for="filter-business">${msg("business")}</label>
    <select id="filter-business" name="business" class="pf-v5-c-form-control fa-select">
      <option value="">${msg("allBusinesses")}</option>
      <#list businesses as b><option value="${b.id()}" <#if b.id() == business>selected</#if>>${b.name()}</option></#list>
    </select>
    <label for="filter-status">${msg("status")}</label>
    <select id="filter-status" name="status" class="pf-v5-c-form-control fa-select">
      <option value="">${msg("allStatuses")}</option>
      <#list statuses as s><option value="${s}" <#if s == status>selected</#if>>${msg("portalStatus_" + s)}</option></#list>
    </select>
    <label for="search">${msg("search")}</label>
    <input class="pf-v5-c-form-control fa-search" type="search" id="search" name="search" value="${search}">
    <button class="pf-v5-c-button pf-m-control" type="submit" id="apply-filter">${msg("filter")}</button>
  </form>
  <#if business?has_content>
    <p><a href="${firmUrl}portal/businesses/${business}" id="manage-business-portal">${msg("manageBusinessPortal")}</a></p>
  </#if>
  <#if imported??>
    <div class="pf-v5-c-alert pf-m-success pf-m-inline" role="status" id="import-done">
      <p class="pf-v5-c-alert__title">${msg("portalImported", imported)}</p>
    </div>
  </#if>
  <#if importRefusal??>
    <div class="pf-v5-c-alert pf-m-danger pf-m-inline" role="alert" id="import-refused">
      <p class="pf-v5-c-alert__title" id="import-refusal">${importRefusal}</p>
      <#if importErrors?has_content><@portal.importErrors importErrors/></#if>
    </div>
  </#if>
  <#if memberships?has_content>
  <@portal.bulkBar from="list" business=business status=status search=search/>
  <table class="pf-v5-c-table pf-m-grid-lg" id="portal-table" aria-label="${msg("portalUsers")}">
    <thead class="pf-v5-c-table__thead"><tr class="pf-v5-c-table__tr">
      <th scope="col" class="pf-v5-c-table__th pf-m-wrap">${msg("business")}</th><th scope="col" class="pf-v5-c-table__th pf-m-wrap">${msg("person")}</th>
      <th scope="col" class="pf-v5-c-table__th pf-m-wrap">${msg("role")}</th><th scope="col" class="pf-v5-c-table__th pf-m-wrap">${msg("status")}</th>
      <th scope="col" class="pf-v5-c-table__th pf-m-wrap">${msg("delivery")}</th><th scope="col" class="pf-v5-c-table__th pf-m-wrap">${msg("invitedAt")}</th>
      <th scope="col" class="pf-v5-c-table__th pf-m-wrap">${msg("activatedAt")}</th><th scope="col" class="pf-v5-c-table__th pf-m-wrap">${msg("lastLogin")}</th>
    </tr></thead>
    <tbody class="pf-v5-c-table__tbody">
    <#list memberships as m>
      <tr class="pf-v5-c-table__tr" data-email="${m.email()}" data-business="${(m.businessName())!""}">
        <@portal.selectCell m/>
        <td class="pf-v5-c-table__td" data-label="${msg("business")}"><a href="${firmUrl}portal/businesses/${m.businessId()}">${(m.businessName())!""}</a></td>
        <td class="pf-v5-c-table__td" data-label="${msg("person")}"><@portal.person m/></td>
        <td class="pf-v5-c-table__td" data-label="${msg("role")}">${msg("portalRole_" + m.role())} <span class="fa-muted">${m.level()}</span></td>
        <td class="pf-v5-c-table__td" data-label="${msg("status")}"><@portal.status m/></td>
        <td class="pf-v5-c-table__td" data-label="${msg("delivery")}"><@portal.delivery m/></td>
        <@portal.dates m/>
      </tr>
    </#list>
    </tbody>
  </table>
  <#else>
  <p class="fa-muted" id="no-portal-users">${msg("noPortalUsers")}</p>
  </#if>
  <@layout.pager action="${firmUrl}portal" filters={"business": business, "status": status}/>

  <h2 class="pf-v5-c-title pf-m-lg fa-section-heading" id="csv-heading">${msg("portalCsv")}</h2>
  <p class="fa-toolbar">
    <a class="pf-v5-c-button pf-m-secondary" id="portal-export" download
       href="${firmUrl}portal/export<#if business?has_content>?business=${business?url}</#if>">${msg(business?has_content?then("portalExportBusiness", "portalExport"))}</a>
  </p>
  <form method="post" action="${firmUrl}portal/imports" enctype="multipart/form-data" class="pf-v5-c-form" id="portal-import-form" aria-labelledby="csv-heading">
    <@layout.csrfField/>
    <p class="fa-muted" id="portal-import-help">${msg("portalImportHelp")}</p>
    <div class="pf-v5-c-form__group">
      <label class="pf-v5-c-form__label" for="portal-import-file"><span class="pf-v5-c-form__label-text">${msg("portalImportFile")}</span></label>
      <input class="pf-v5-c-form-control" type="file" id="portal-import-file" name="file" accept=".csv,text/csv" aria-describedby="portal-import-help">
    </div>
    <div class="pf-v5-c-form__group">
      <label class="pf-v5-c-form__label" for="portal-import-text"><span class="pf-v5-c-form__label-text">${msg("portalImportText")}</span></label>
      <textarea class="pf-v5-c-form-control" id="portal-import-text" name="csv" rows="5" aria-describedby="portal-import-help">${csvText!""}</textarea>
    </div>
    <div class="fa-toolbar">
      <button type="submit" class="pf-v5-c-button pf-m-primary" id="portal-import">${msg("portalImportButton")}</button>
    </div>
  </form>
</@layout.page>
