<#import "console-template.ftl" as layout>
<@layout.page title=msg("myWorkspaces")>
  <p class="fa-muted">${msg("myWorkspacesIntro")}</p>
  <#if workspaces?has_content>
  <table class="pf-v5-c-table pf-m-grid-md" id="my-workspaces" aria-label="${msg("myWorkspaces")}">
    <thead class="pf-v5-c-table__thead"><tr class="pf-v5-c-table__tr">
      <th scope="col" class="pf-v5-c-table__th pf-m-wrap">${msg("business")}</th><th scope="col" class="pf-v5-c-table__th pf-m-wrap">${msg("firm")}</th>
      <th scope="col" class="pf-v5-c-table__th pf-m-wrap">${msg("role")}</th><th scope="col" class="pf-v5-c-table__th pf-m-wrap">${msg("level")}</th>
    </tr></thead>
    <tbody class="pf-v5-c-table__tbody">
    <#list workspaces as w>
      <tr class="pf-v5-c-table__tr" data-business="${w.business().name()}">
        <td class="pf-v5-c-table__td fa-workspace-name" data-label="${msg("business")}">${w.business().name()}</td>
        <td class="pf-v5-c-table__td fa-workspace-firm" data-label="${msg("firm")}">${w.firm().name()}</td>
        <td class="pf-v5-c-table__td fa-workspace-role" data-label="${msg("role")}">${msg("portalRole_" + w.role())}</td>
        <td class="pf-v5-c-table__td" data-label="${msg("level")}">${w.level()}</td>
      </tr>
    </#list>
    </tbody>
  </table>
  <#else>
  <p id="no-workspaces">${msg("noWorkspaces")}</p>
  </#if>
  <#if staffFirms?has_content>
  <h2 class="pf-v5-c-title pf-m-lg fa-section-heading" id="staff-firms-heading">${msg("yourFirms")}</h2>
  <ul class="pf-v5-c-list" id="staff-firms" aria-labelledby="staff-firms-heading">
    <#list staffFirms as f>
      <li><a href="${consoleUrl}firms/${f.alias()}/">${f.name()}</a> <span class="pf-v5-c-label pf-m-compact"><span class="pf-v5-c-label__content">${f.roleLabel()}</span></span></li>
    </#list>
  </ul>
  </#if>
</@layout.page>
