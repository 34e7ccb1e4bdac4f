<#import "console-template.ftl" as layout>
<@layout.page title=msg("businesses")>
  <form method="post" action="${firmUrl}businesses" class="pf-v5-c-form fa-toolbar" id="create-business">
    <@layout.csrfField/>
    <label for="business-name">${msg("businessName")}</label>
    <input class="pf-v5-c-form-control" id="business-name" name="name" required maxlength="255">
    <label for="business-ref">${msg("externalRef")}</label>
    <input class="pf-v5-c-form-control" id="business-ref" name="externalRef" maxlength="255">
    <button type="submit" class="pf-v5-c-button pf-m-primary">${msg("create")}</button>
  </form>
  <@layout.searchForm action="${firmUrl}businesses"/>
  <p><#if archived><a href="${firmUrl}businesses">${msg("showActive")}</a><#else><a href="${firmUrl}businesses?archived=true">${msg("showArchived")}</a></#if></p>
  <table class="pf-v5-c-table pf-m-grid-md" id="business-table" aria-label="${msg("businesses")}">
    <thead class="pf-v5-c-table__thead"><tr class="pf-v5-c-table__tr"><th scope="col" class="pf-v5-c-table__th">${msg("business")}</th><th scope="col" class="pf-v5-c-table__th">${msg("externalRef")}</th><th scope="col" class="pf-v5-c-table__th">${msg("actions")}</th></tr></thead>
    <tbody class="pf-v5-c-table__tbody">
    <#list businesses as b>
      <tr class="pf-v5-c-table__tr" data-business="${b.name()}">
        <td data-label="${msg("business")}" class="pf-v5-c-table__td fa-business-name">${b.name()}</td>
        <td class="pf-v5-c-table__td" data-label="${msg("externalRef")}">${(b.externalRef())!""}</td>
        <td class="pf-v5-c-table__td" data-label="${msg("actions")}">
          <a href="${firmUrl}portal/businesses/${b.id()}" class="pf-v5-c-button pf-m-link pf-m-small fa-portal-users" aria-label="${msg("portalUsersOf", b.name())}">${msg("portalUsers")}</a>
          <form method="post" action="${firmUrl}businesses/${b.id()}/archive" class="fa-inline">
            <@layout.csrfField/>
            <input type="hidden" name="archived" value="${(!b.archived())?c}">
            <button type="submit" class="pf-v5-c-button pf-m-link pf-m-small">${b.archived()?then(msg("restore"), msg("archive"))}</button>
          </form>
        </td>
      </tr>
    </#list>
    </tbody>
  </table>
  <@layout.pager action="${firmUrl}businesses"/>
</@layout.page>
