<#import "console-template.ftl" as layout>
<@layout.page title=msg("teams")>
  <form method="post" action="${firmUrl}teams" class="pf-v5-c-form fa-toolbar" id="create-team">
    <@layout.csrfField/>
    <label for="team-name">${msg("teamName")}</label>
    <input class="pf-v5-c-form-control" id="team-name" name="name" required maxlength="255">
    <button type="submit" class="pf-v5-c-button pf-m-primary" id="create-team-button">${msg("createTeam")}</button>
  </form>
  <@layout.searchForm action="${firmUrl}teams"/>
  <#if teams?has_content>
  <table class="pf-v5-c-table pf-m-grid-md" id="team-table" aria-label="${msg("teams")}">
    <thead class="pf-v5-c-table__thead"><tr class="pf-v5-c-table__tr"><th scope="col" class="pf-v5-c-table__th">${msg("teamName")}</th><th scope="col" class="pf-v5-c-table__th">${msg("memberCount")}</th></tr></thead>
    <tbody class="pf-v5-c-table__tbody">
    <#list teams as t>
      <tr class="pf-v5-c-table__tr" data-team="${t.name()}">
        <td class="pf-v5-c-table__td" data-label="${msg("teamName")}"><a href="${firmUrl}teams/${t.id()}">${t.name()}</a></td>
        <td class="pf-v5-c-table__td" data-label="${msg("memberCount")}">${t.memberCount()?c}</td>
      </tr>
    </#list>
    </tbody>
  </table>
  <#else>
  <p class="fa-muted">${msg("noTeams")}</p>
  </#if>
  <@layout.pager action="${firmUrl}teams"/>
</@layout.page>
