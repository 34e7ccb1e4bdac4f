<#import "console-template.ftl" as layout>
<@layout.page title=msg("businesses")>
  <@layout.createBusinessForm/>
  <@layout.searchForm action="${firmUrl}businesses"/>
  <p><#if archived><a href="${firmUrl}businesses">${msg("showActive")}</a><#else><a href="${firmUrl}businesses?archived=true">${msg("showArchived")}</a></#if></p>
  <table class="pf-v5-c-table pf-m-grid-md" id="business-table" aria-label="${msg("businesses")}">
    <#assign sharing = mayManage && !archived && businesses?has_content>
    <thead class="pf-v5-c-table__thead"><tr class="pf-v5-c-table__tr"><#if sharing><th scope="col" class="pf-v5-c-table__th pf-v5-c-table__check"><label><input type="checkbox" id="select-all" form="bulk-share" data-select-all="business"> <span class="pf-v5-screen-reader">${msg("selectAll")}</span></label></th></#if><th scope="col" class="pf-v5-c-table__th">${msg("business")}</th><th scope="col" class="pf-v5-c-table__th">${msg("externalRef")}</th><th scope="col" class="pf-v5-c-table__th">${msg("actions")}</th></tr></thead>
    <tbody class="pf-v5-c-table__tbody">
    <#list businesses as b>
      <tr class="pf-v5-c-table__tr" data-business="${b.name()}">
        <#if sharing><td class="pf-v5-c-table__td pf-v5-c-table__check"><input type="checkbox" form="bulk-share" name="business" value="${b.id()}" id="business-${b?index}" aria-label="${msg("selectBusiness", b.name())}"></td></#if>
        <td data-label="${msg("business")}" class="pf-v5-c-table__td fa-business-name">${b.name()}</td>
        <td class="pf-v5-c-table__td" data-label="${msg("externalRef")}">${(b.externalRef())!""}</td>
        <td class="pf-v5-c-table__td" data-label="${msg("actions")}">
          <a href="${firmUrl}portal/businesses/${b.id()}" class="pf-v5-c-button pf-m-link pf-m-small fa-portal-users" aria-label="${msg("portalUsersOf", b.name())}">${msg("portalUsers")}</a>
          <#if b.archived()>
          <form method="post" action="${firmUrl}businesses/${b.id()}/archive" class="fa-inline">
            <@layout.csrfField/>
            <input type="hidden" name="archived" value="false">
            <button type="submit" class="pf-v5-c-button pf-m-link pf-m-small">${msg("restore")}</button>
          </form>
          <#else>
          <@layout.confirmAction action="${firmUrl}businesses/${b.id()}/archive" fields={"archived": "true"} label=msg("archive")
              summaryLabel=msg("archiveBusiness", b.name()) title=msg("archiveTitle", b.name()) question=msg("archiveConfirm", b.name())
              button=msg("archiveConfirmButton")/>
          </#if>
        </td>
      </tr>
    </#list>
    </tbody>
  </table>
  <@layout.pager action="${firmUrl}businesses" filters={"archived": archived?then("true", "")}/>
  <#if sharing>
  <#-- Outside the table: its rows hold the archive forms, and forms cannot nest; the checkboxes join this form through their form attribute. -->
  <form method="post" action="${firmUrl}businesses/share" class="pf-v5-c-form" id="bulk-share" aria-labelledby="bulk-share-heading">
    <@layout.csrfField/>
    <h2 class="pf-v5-c-title pf-m-lg fa-section-heading" id="bulk-share-heading">${msg("shareSelected")}</h2>
    <p class="fa-muted">${msg("shareSelectedHelp")}</p>
    <div class="fa-toolbar">
      <label for="share-people">${msg("people")}</label>
      <select id="share-people" name="person" multiple size="4" class="pf-v5-c-form-control fa-select">
        <#list staffOptions as p><option value="${p.userId()}">${p.username()}</option></#list>
      </select>
      <label for="share-teams">${msg("teams")}</label>
      <select id="share-teams" name="team" multiple size="4" class="pf-v5-c-form-control fa-select">
        <#list teamOptions as t><option value="${t.id()}">${t.name()}</option></#list>
      </select>
      <label for="bulk-share-level">${msg("level")}</label>
      <select id="bulk-share-level" name="level" class="pf-v5-c-form-control fa-select">
        <#list levels as l><option value="${l}">${l}</option></#list>
      </select>
      <button type="submit" class="pf-v5-c-button pf-m-primary" id="bulk-share-button">${msg("share")}</button>
    </div>
  </form>
  </#if>
</@layout.page>
