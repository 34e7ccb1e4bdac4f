<#import "console-template.ftl" as layout>
<@layout.page title=msg("audit")>
  <form method="get" action="${firmUrl}audit" class="fa-toolbar" id="audit-filter" role="search">
    <label for="filter-action">${msg("auditAction")}</label>
    <input class="pf-v5-c-form-control fa-search" id="filter-action" name="action" value="${action}" placeholder="team.created">
    <label for="filter-target-type">${msg("targetType")}</label>
    <input class="pf-v5-c-form-control fa-search" id="filter-target-type" name="targetType" value="${targetType}" placeholder="team">
    <label for="filter-target-id">${msg("targetId")}</label>
    <input class="pf-v5-c-form-control fa-search" id="filter-target-id" name="targetId" value="${targetId}">
    <button class="pf-v5-c-button pf-m-control" type="submit" id="apply-filter">${msg("filter")}</button>
  </form>
  <#if entries?has_content>
  <table class="pf-v5-c-table pf-m-grid-md" id="audit-table" aria-label="${msg("audit")}">
    <thead class="pf-v5-c-table__thead"><tr class="pf-v5-c-table__tr">
      <th scope="col" class="pf-v5-c-table__th">${msg("time")}</th><th scope="col" class="pf-v5-c-table__th">${msg("actor")}</th>
      <th scope="col" class="pf-v5-c-table__th">${msg("auditAction")}</th><th scope="col" class="pf-v5-c-table__th">${msg("target")}</th>
    </tr></thead>
    <tbody class="pf-v5-c-table__tbody">
    <#list entries as e>
      <tr class="pf-v5-c-table__tr" data-action="${e.action}">
        <td class="pf-v5-c-table__td" data-label="${msg("time")}"><@layout.time millis=e.time seconds=true/></td>
        <td class="pf-v5-c-table__td" data-label="${msg("actor")}">${e.actor}</td>
        <td class="pf-v5-c-table__td fa-audit-action" data-label="${msg("auditAction")}">${e.action}</td>
        <td class="pf-v5-c-table__td" data-label="${msg("target")}">${e.targetType} <span class="fa-muted">${e.targetId}</span></td>
      </tr>
    </#list>
    </tbody>
  </table>
  <#else>
  <p class="fa-muted" id="no-entries">${msg("noAuditEntries")}</p>
  </#if>
  <@layout.pager action="${firmUrl}audit" filters={"action": action, "targetType": targetType, "targetId": targetId}/>
</@layout.page>
