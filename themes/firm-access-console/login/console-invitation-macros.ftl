<#-- The pending invitations and the link just issued: on the invitations page, and on the staff page under the staff list.
     "from" names the page, so that every action answers with that page again. -->
<#import "console-template.ftl" as layout>

<#macro linkPanel>
  <#if link??>
    <div class="pf-v5-c-alert pf-m-info pf-m-inline" role="status" id="invitation-link">
      <p class="pf-v5-c-alert__title"><label for="invitation-link-url">${msg("invitationLink")}</label></p>
      <div class="pf-v5-c-alert__description fa-inline">
        <span class="pf-v5-c-form-control pf-m-readonly fa-copy-field"><input id="invitation-link-url" readonly value="${link.url}"></span>
        <button type="button" class="pf-v5-c-button pf-m-secondary pf-m-small" data-copy="invitation-link-url" data-copied="${msg("copied")}">${msg("copy")}</button>
      </div>
    </div>
  </#if>
</#macro>

<#macro pending from pagerAction pagerParam pagerName>
  <h2 class="pf-v5-c-title pf-m-lg fa-section-heading" id="pending-invitations-heading">${msg("pendingInvitations")}</h2>
  <@linkPanel/>
  <#if invitations?has_content>
  <table class="pf-v5-c-table pf-m-grid-md" id="invitation-table" aria-labelledby="pending-invitations-heading">
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
        <td class="pf-v5-c-table__td" data-label="${msg("role")}">${layout.roleText(i.role(), i.roleLabel())}</td>
        <td class="pf-v5-c-table__td" data-label="${msg("delivery")}"><span class="pf-v5-c-label pf-m-compact fa-badge fa-delivery-${i.deliveryStatus()}"><span class="pf-v5-c-label__content">${msg("delivery_" + i.deliveryStatus())}</span></span></td>
        <td class="pf-v5-c-table__td" data-label="${msg("expires")}">
          <#if i.expired()><span class="pf-v5-c-label pf-m-compact pf-m-red fa-badge fa-expired"><span class="pf-v5-c-label__content">${msg("expired")}</span></span><#else><@layout.time millis=i.expiresAt()/></#if>
        </td>
        <td class="pf-v5-c-table__td" data-label="${msg("actions")}">
          <div class="fa-actions">
          <form method="post" action="${firmUrl}invitations/${i.id()}/resend" class="fa-inline">
            <@layout.csrfField/><input type="hidden" name="from" value="${from}">
            <button type="submit" class="pf-v5-c-button pf-m-secondary pf-m-small fa-resend" aria-label="${msg("resendTo", i.email())}" <#if coolingDown>disabled aria-describedby="cooldown-${i?index}"</#if>>${msg("resend")}</button>
            <#if coolingDown><span class="fa-muted fa-cooldown" id="cooldown-${i?index}">${msg("resendFrom")} <@layout.time millis=i.resendAllowedAt()/></span></#if>
          </form>
          <#if !i.expired()>
          <form method="post" action="${firmUrl}invitations/${i.id()}/link" class="fa-inline">
            <@layout.csrfField/><input type="hidden" name="from" value="${from}">
            <button type="submit" class="pf-v5-c-button pf-m-link pf-m-small fa-copy-link" aria-label="${msg("copyLinkOf", i.email())}">${msg("copyLink")}</button>
          </form>
          </#if>
          <@layout.confirmAction action="${firmUrl}invitations/${i.id()}/cancel" fields={"from": from} label=msg("cancelInvitation")
              summaryLabel=msg("cancelInvitationOf", i.email()) title=msg("cancelInvitationTitle", i.email())
              question=msg("cancelInvitationConfirm", i.email()) button=msg("cancelInvitationButton")/>
          </div>
        </td>
      </tr>
    </#list>
    </tbody>
  </table>
  <#else>
  <p class="fa-muted" id="no-invitations">${msg("noInvitations")}</p>
  </#if>
  <@layout.pager action=pagerAction from=invitationsFirst count=invitationsTotal param=pagerParam name=pagerName/>
</#macro>
