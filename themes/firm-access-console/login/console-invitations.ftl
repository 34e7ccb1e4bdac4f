<#import "console-template.ftl" as layout>
<@layout.page title=msg("invitations")>
  <form method="post" action="${firmUrl}invitations" class="pf-v5-c-form" id="invite-form">
    <@layout.csrfField/>
    <div class="pf-v5-c-form__group">
      <label class="pf-v5-c-form__label" for="invite-people"><span class="pf-v5-c-form__label-text">${msg("invitePeople")}</span></label>
      <textarea class="pf-v5-c-form-control" id="invite-people" name="people" rows="3" required aria-describedby="invite-people-help"></textarea>
      <p class="fa-muted" id="invite-people-help">${msg("invitePeopleHelp")}</p>
    </div>
    <div class="fa-toolbar">
      <label for="invite-role">${msg("role")}</label>
      <select id="invite-role" name="role" class="pf-v5-c-form-control fa-select">
        <#list roles as r><option value="${r.value}" <#if r.value == "member">selected</#if>>${r.label}</option></#list>
      </select>
      <button type="submit" class="pf-v5-c-button pf-m-primary" id="invite">${msg("invite")}</button>
    </div>
  </form>
  <#if link??>
    <div class="pf-v5-c-alert pf-m-info pf-m-inline" role="status" id="invitation-link">
      <p class="pf-v5-c-alert__title"><label for="invitation-link-url">${msg("invitationLink")}</label></p>
      <div class="pf-v5-c-alert__description fa-inline">
        <input class="pf-v5-c-form-control fa-copy-field" id="invitation-link-url" readonly value="${link.url}">
        <button type="button" class="pf-v5-c-button pf-m-secondary pf-m-small" data-copy="invitation-link-url" data-copied="${msg("copied")}">${msg("copy")}</button>
      </div>
    </div>
  </#if>
  <h2 class="pf-v5-c-title pf-m-lg fa-section-heading">${msg("pendingInvitations")}</h2>
  <#if invitations?has_content>
  <table class="pf-v5-c-table pf-m-grid-md" id="invitation-table" aria-label="${msg("pendingInvitations")}">
    <thead class="pf-v5-c-table__thead"><tr class="pf-v5-c-table__tr">
      <th scope="col" class="pf-v5-c-table__th">${msg("person")}</th><th scope="col" class="pf-v5-c-table__th">${msg("role")}</th>
      <th scope="col" class="pf-v5-c-table__th">${msg("delivery")}</th><th scope="col" class="pf-v5-c-table__th">${msg("expires")}</th>
      <th scope="col" class="pf-v5-c-table__th">${msg("actions")}</th>
    </tr></thead>
    <tbody class="pf-v5-c-table__tbody">
    <#list invitations as i>
      <#assign coolingDown = i.resendAllowedAt()?? && (i.resendAllowedAt() > now)>
      <tr class="pf-v5-c-table__tr" data-email="${i.email()}">
        <td class="pf-v5-c-table__td" data-label="${msg("person")}"><strong>${i.email()}</strong>
          <#if i.firstName()?? || i.lastName()??><br><span class="fa-muted">${(i.firstName())!""} ${(i.lastName())!""}</span></#if></td>
        <td class="pf-v5-c-table__td" data-label="${msg("role")}">${i.roleLabel()}</td>
        <td class="pf-v5-c-table__td" data-label="${msg("delivery")}"><span class="pf-v5-c-label fa-badge fa-delivery-${i.deliveryStatus()}">${msg("delivery_" + i.deliveryStatus())}</span></td>
        <td class="pf-v5-c-table__td" data-label="${msg("expires")}">
          <#if i.expired()><span class="pf-v5-c-label pf-m-red fa-badge fa-expired">${msg("expired")}</span><#else><@layout.time millis=i.expiresAt()/></#if>
        </td>
        <td class="pf-v5-c-table__td" data-label="${msg("actions")}">
          <form method="post" action="${firmUrl}invitations/${i.id()}/resend" class="fa-inline">
            <@layout.csrfField/>
            <button type="submit" class="pf-v5-c-button pf-m-secondary pf-m-small fa-resend" <#if coolingDown>disabled aria-describedby="cooldown-${i?index}"</#if>>${msg("resend")}</button>
            <#if coolingDown><span class="fa-muted fa-cooldown" id="cooldown-${i?index}">${msg("resendFrom")} <@layout.time millis=i.resendAllowedAt()/></span></#if>
          </form>
          <#if !i.expired()>
          <form method="post" action="${firmUrl}invitations/${i.id()}/link" class="fa-inline">
            <@layout.csrfField/>
            <button type="submit" class="pf-v5-c-button pf-m-link pf-m-small fa-copy-link">${msg("copyLink")}</button>
          </form>
          </#if>
          <details class="fa-confirm">
            <summary class="pf-v5-c-button pf-m-link pf-m-danger pf-m-small">${msg("cancelInvitation")}</summary>
            <form method="post" action="${firmUrl}invitations/${i.id()}/cancel">
              <@layout.csrfField/>
              <p>${msg("cancelInvitationConfirm", i.email())}</p>
              <button type="submit" class="pf-v5-c-button pf-m-danger pf-m-small">${msg("cancelInvitationButton")}</button>
            </form>
          </details>
        </td>
      </tr>
    </#list>
    </tbody>
  </table>
  <#else>
  <p class="fa-muted" id="no-invitations">${msg("noInvitations")}</p>
  </#if>
  <@layout.pager action="${firmUrl}invitations"/>
</@layout.page>
