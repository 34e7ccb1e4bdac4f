<#import "console-template.ftl" as layout>
<@layout.page title=msg("realmFirms")>
  <p class="fa-muted" id="realm-firms-intro">${msg("realmFirmsIntro")}</p>
  <@layout.searchForm action="${consoleUrl}firms"/>
  <#if realmFirms?has_content>
  <table class="pf-v5-c-table pf-m-grid-md" id="realm-firm-table" aria-label="${msg("realmFirms")}">
    <thead class="pf-v5-c-table__thead">
      <tr class="pf-v5-c-table__tr">
        <th scope="col" class="pf-v5-c-table__th">${msg("firmName")}</th>
        <#list ["owner", "admin", "member"] as role>
        <th scope="col" class="pf-v5-c-table__th">${layout.roleText(role, roleLabels[role])}</th>
        </#list>
        <th scope="col" class="pf-v5-c-table__th">${msg("businesses")}</th>
        <th scope="col" class="pf-v5-c-table__th">${msg("pendingInvitations")}</th>
        <th scope="col" class="pf-v5-c-table__th"><span class="pf-v5-screen-reader">${msg("openFirm")}</span></th>
      </tr>
    </thead>
    <tbody class="pf-v5-c-table__tbody">
    <#list realmFirms as f>
      <tr class="pf-v5-c-table__tr" data-firm="${f.alias()}">
        <td class="pf-v5-c-table__td" data-label="${msg("firmName")}">${f.name()} <span class="fa-muted">${f.alias()}</span></td>
        <td class="pf-v5-c-table__td" data-label="${layout.roleText("owner", roleLabels["owner"])}" data-count="owners">${f.owners()?c}</td>
        <td class="pf-v5-c-table__td" data-label="${layout.roleText("admin", roleLabels["admin"])}" data-count="admins">${f.admins()?c}</td>
        <td class="pf-v5-c-table__td" data-label="${layout.roleText("member", roleLabels["member"])}" data-count="members">${f.members()?c}</td>
        <td class="pf-v5-c-table__td" data-label="${msg("businesses")}" data-count="businesses">${f.businesses()?c}</td>
        <td class="pf-v5-c-table__td" data-label="${msg("pendingInvitations")}" data-count="pendingInvitations">${f.pendingInvitations()?c}</td>
        <td class="pf-v5-c-table__td" data-label="${msg("openFirm")}">
          <#if f.enabled()>
          <a class="pf-v5-c-button pf-m-link pf-m-inline" id="open-${f.alias()}" href="${consoleUrl}firms/${f.alias()?url}/" aria-label="${msg("openFirmNamed", f.name())}">${msg("openFirm")}</a>
          <#else>
          <span class="pf-v5-c-label pf-m-compact"><span class="pf-v5-c-label__content">${msg("firmDisabled")}</span></span>
          </#if>
        </td>
      </tr>
    </#list>
    </tbody>
  </table>
  <#else>
  <p class="fa-muted" id="no-realm-firms">${msg("noRealmFirms")}</p>
  </#if>
  <@layout.pager action="${consoleUrl}firms"/>
</@layout.page>
