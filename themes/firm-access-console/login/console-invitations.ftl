<#import "console-template.ftl" as layout>
<#import "console-invitation-macros.ftl" as invitationList>
<@layout.page title=msg("invitations")>
  <form method="post" action="${firmUrl}invitations" class="pf-v5-c-form" id="invite-form">
    <@layout.csrfField/>
    <div class="pf-v5-c-form__group">
      <label class="pf-v5-c-form__label" for="invite-people"><span class="pf-v5-c-form__label-text">${msg("invitePeople")}</span></label>
      <span class="pf-v5-c-form-control pf-m-textarea"><textarea id="invite-people" name="people" rows="3" required aria-describedby="invite-people-help"></textarea></span>
      <p class="fa-muted" id="invite-people-help">${msg("invitePeopleHelp")}</p>
    </div>
    <div class="fa-toolbar">
      <label for="invite-role">${msg("role")}</label>
      <@layout.selectControl><select id="invite-role" name="role">
        <#list roles as r><option value="${r.value}" <#if r.value == "member">selected</#if>>${layout.roleText(r.value, r.label)}</option></#list>
      </select></@layout.selectControl>
      <button type="submit" class="pf-v5-c-button pf-m-primary" id="invite">${msg("invite")}</button>
    </div>
  </form>
  <@invitationList.pending from="invitations" pagerAction="${firmUrl}invitations" pagerParam="first" pagerName="pager"/>
</@layout.page>
