<#import "console-template.ftl" as layout>
<@layout.page title=msg("teamTitle", team.name())>
  <p><a href="${firmUrl}teams">${msg("backToTeams")}</a></p>
  <#if mayManage>
  <form method="post" action="${firmUrl}teams/${team.id()}/rename" class="pf-v5-c-form fa-toolbar" id="rename-team">
    <@layout.csrfField/>
    <label for="rename-team-name">${msg("teamName")}</label>
    <input class="pf-v5-c-form-control" id="rename-team-name" name="name" required maxlength="255" value="${team.name()}">
    <button type="submit" class="pf-v5-c-button pf-m-secondary" id="rename-team-button">${msg("renameTeam")}</button>
  </form>
  <div id="delete-team">
    <@layout.confirmAction action="${firmUrl}teams/${team.id()}/delete" label=msg("deleteTeam")
        title=msg("deleteTeamTitle", team.name()) question=msg("deleteTeamConfirm", team.name())
        button=msg("deleteTeamConfirmButton")/>
  </div>
  </#if>
  <h2 class="pf-v5-c-title pf-m-lg fa-section-heading" id="team-members-heading">${msg("members")}</h2>
  <#if mayManage>
  <form method="post" action="${firmUrl}teams/${team.id()}/members" class="fa-toolbar" id="add-member">
    <@layout.csrfField/>
    <label for="add-member-user">${msg("person")}</label>
    <select id="add-member-user" name="userId" class="pf-v5-c-form-control fa-select">
      <#list staff as s><option value="${s.userId()}">${s.username()}</option></#list>
    </select>
    <button type="submit" class="pf-v5-c-button pf-m-secondary" id="add-member-button">${msg("addMember")}</button>
  </form>
  </#if>
  <#if members?has_content>
  <ul class="fa-member-list" id="team-members" aria-labelledby="team-members-heading">
    <#list members as m>
      <li data-username="${m.username()}"><span class="fa-member-name">${m.username()}</span> <span class="fa-muted">${(m.email())!""}</span>
        <#if mayManage>
        <form method="post" action="${firmUrl}teams/${team.id()}/members/${m.userId()}/remove" class="fa-inline">
          <@layout.csrfField/>
          <button type="submit" class="pf-v5-c-button pf-m-link pf-m-danger pf-m-small" aria-label="${msg("removeFromTeam", m.username())}">${msg("remove")}</button>
        </form>
        </#if>
      </li>
    </#list>
  </ul>
  <#else>
  <p class="fa-muted" id="no-members">${msg("noMembers")}</p>
  </#if>
  <@layout.pager action="${firmUrl}teams/${team.id()}" filters={"grantsFirst": grantsFirst?c}/>
  <h2 class="pf-v5-c-title pf-m-lg fa-section-heading" id="grants-heading">${msg("teamGrants")}</h2>
  <#if mayManage>
  <form method="post" action="${firmUrl}teams/${team.id()}/grants" class="fa-toolbar" id="share-with-team">
    <@layout.csrfField/>
    <label for="share-business">${msg("business")}</label>
    <select id="share-business" name="businessId" class="pf-v5-c-form-control fa-select">
      <#list businesses as b><option value="${b.id()}">${b.name()}</option></#list>
    </select>
    <label for="share-level">${msg("level")}</label>
    <select id="share-level" name="level" class="pf-v5-c-form-control fa-select">
      <#list levels as l><option value="${l}">${l}</option></#list>
    </select>
    <button type="submit" class="pf-v5-c-button pf-m-secondary">${msg("shareWithTeam")}</button>
  </form>
  </#if>
  <#if grants?has_content>
  <table class="pf-v5-c-table pf-m-grid-md" id="team-grants" aria-labelledby="grants-heading">
    <thead class="pf-v5-c-table__thead"><tr class="pf-v5-c-table__tr"><th scope="col" class="pf-v5-c-table__th">${msg("business")}</th><th scope="col" class="pf-v5-c-table__th">${msg("level")}</th><th scope="col" class="pf-v5-c-table__th">${msg("actions")}</th></tr></thead>
    <tbody class="pf-v5-c-table__tbody">
    <#list grants as g>
      <tr class="pf-v5-c-table__tr" data-business="${g.name()}">
        <td class="pf-v5-c-table__td" data-label="${msg("business")}">${g.name()}</td>
        <td class="pf-v5-c-table__td" data-label="${msg("level")}">${g.level()}</td>
        <td class="pf-v5-c-table__td" data-label="${msg("actions")}">
          <#if mayManage>
          <form method="post" action="${firmUrl}teams/${team.id()}/grants/${g.businessId()}/revoke" class="fa-inline">
            <@layout.csrfField/>
            <button type="submit" class="pf-v5-c-button pf-m-link pf-m-danger pf-m-small" aria-label="${msg("unshareFromTeam", g.name())}">${msg("unshare")}</button>
          </form>
          </#if>
        </td>
      </tr>
    </#list>
    </tbody>
  </table>
  <#else>
  <p class="fa-muted">${msg("noTeamGrants")}</p>
  </#if>
  <@layout.pager action="${firmUrl}teams/${team.id()}" from=grantsFirst count=grantsTotal param="grantsFirst" name="grants-pager" filters={"first": first?c}/>
</@layout.page>
