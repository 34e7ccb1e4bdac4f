<#import "console-template.ftl" as layout>
<#import "console-invitation-macros.ftl" as invitationList>
<@layout.page title=msg("staff")>
  <div class="fa-toolbar fa-toolbar-split">
    <@layout.searchForm action="${firmUrl}staff"/>
    <#if invitations??><a class="pf-v5-c-button pf-m-primary" id="invite-staff" href="${firmUrl}invitations">${msg("inviteStaff")}</a></#if>
  </div>
  <table class="pf-v5-c-table pf-m-grid-md" id="staff-table" aria-label="${msg("staff")}">
    <thead class="pf-v5-c-table__thead"><tr class="pf-v5-c-table__tr">
      <th scope="col" class="pf-v5-c-table__th">${msg("person")}</th><th scope="col" class="pf-v5-c-table__th">${msg("role")}</th><th scope="col" class="pf-v5-c-table__th">${msg("teams")}</th>
      <th scope="col" class="pf-v5-c-table__th">${msg("businessCount")}</th><th scope="col" class="pf-v5-c-table__th">${msg("programmaticAccess")}</th><th scope="col" class="pf-v5-c-table__th">${msg("actions")}</th>
    </tr></thead>
    <tbody class="pf-v5-c-table__tbody">
    <#list staff as s>
      <#-- Only owners act on owners: anyone else sees an owner's role and switch, but no control that would be refused. -->
      <#assign actionable = s.role() != "owner" || mayManageOwners>
      <tr class="pf-v5-c-table__tr" data-username="${s.username()}" data-role="${s.role()}">
        <td class="pf-v5-c-table__td" data-label="${msg("person")}"><strong>${s.username()}</strong><br><span class="fa-muted">${(s.email())!""}</span></td>
        <td class="pf-v5-c-table__td fa-role" data-label="${msg("role")}">
          <#if actionable>
          <form method="post" action="${firmUrl}staff/${s.userId()}/role" class="fa-inline">
            <@layout.csrfField/>
            <label for="role-${s?index}" class="pf-v5-screen-reader">${msg("roleOf", s.username())}</label>
            <@layout.selectControl><select id="role-${s?index}" name="role" data-autosubmit>
              <#list roles as r><option value="${r.value}" <#if r.value == s.role()>selected</#if>>${layout.roleText(r.value, r.label)}</option></#list>
            </select></@layout.selectControl>
            <button type="submit" class="pf-v5-c-button pf-m-secondary pf-m-small fa-without-script">${msg("save")}</button>
          </form>
          <#else>
          <span class="fa-role-text">${layout.roleText(s.role(), s.roleLabel())}</span>
          </#if>
        </td>
        <td class="pf-v5-c-table__td" data-label="${msg("teams")}"><#list s.teams() as t>${t.name()}<#sep>, </#list></td>
        <td class="pf-v5-c-table__td fa-reach" data-label="${msg("businessCount")}">
          <#if s.role() == "member">${s.businessCount()?c}<#else><span class="pf-v5-c-label pf-m-compact pf-m-blue"><span class="pf-v5-c-label__content">${msg("allBusinesses")}</span></span></#if>
        </td>
        <td class="pf-v5-c-table__td" data-label="${msg("programmaticAccess")}">
          <#if actionable>
          <form method="post" action="${firmUrl}staff/${s.userId()}/programmatic-access" class="fa-inline">
            <@layout.csrfField/>
            <label class="pf-v5-c-switch" for="programmatic-${s?index}">
              <input class="pf-v5-c-switch__input" type="checkbox" role="switch" id="programmatic-${s?index}" name="enabled" value="true"
                     data-autosubmit aria-label="${msg("programmaticAccessOf", s.username())}" <#if s.programmaticAccess()>checked</#if>>
              <span class="pf-v5-c-switch__toggle"></span>
              <span class="pf-v5-c-switch__label" aria-hidden="true">${s.programmaticAccess()?then(msg("on"), msg("off"))}</span>
            </label>
            <button type="submit" class="pf-v5-c-button pf-m-secondary pf-m-small fa-without-script">${msg("save")}</button>
          </form>
          <#else>${s.programmaticAccess()?then(msg("on"), msg("off"))}</#if>
        </td>
        <td class="pf-v5-c-table__td" data-label="${msg("actions")}">
          <div class="fa-actions">
          <#if s.role() == "member"><a class="pf-v5-c-button pf-m-link pf-m-small fa-manage-access" href="${firmUrl}staff/${s.userId()}/access" data-modal-panel="access-panel" aria-label="${msg("manageAccessOf", s.username())}">${msg("manageAccess")}</a></#if>
          <#if actionable>
          <@layout.confirmAction action="${firmUrl}staff/${s.userId()}/remove" label=msg("remove") summaryLabel=msg("removePerson", s.username())
              title=msg("removeTitle", s.username()) question=msg("removeConfirm", s.username()) button=msg("removeConfirmButton")/>
          </#if>
          </div>
        </td>
      </tr>
    </#list>
    </tbody>
  </table>
  <@layout.pager action="${firmUrl}staff"/>
  <#-- Shown in the manage-access modal once a save has gone through. -->
  <template id="fa-modal-notice"><div class="pf-v5-c-alert pf-m-success pf-m-inline" role="status" id="access-saved"><p class="pf-v5-c-alert__title">${msg("accessSaved")}</p></div></template>
  <#if invitations??>
  <@invitationList.pending from="staff" pagerAction="${firmUrl}staff" pagerParam="invitationsFirst" pagerName="invitations-pager"/>
  </#if>
</@layout.page>
