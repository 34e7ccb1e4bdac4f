<#import "console-template.ftl" as layout>
<#import "console-portal-macros.ftl" as portal>
<@layout.page title=msg("portalUsersOf", business.name)>
  <p><a href="${firmUrl}portal?business=${business.id}" id="back-to-portal-users">${msg("backToPortalUsers")}</a></p>
  <#if link??>
    <div class="pf-v5-c-alert pf-m-info pf-m-inline" role="status" id="activation-link">
      <p class="pf-v5-c-alert__title"><label for="activation-link-url">${msg("activationLinkOf", link.email)}</label></p>
      <div class="pf-v5-c-alert__description">
        <div class="fa-inline">
          <input class="pf-v5-c-form-control fa-copy-field" id="activation-link-url" readonly value="${link.url}">
          <button type="button" class="pf-v5-c-button pf-m-secondary pf-m-small" id="copy-activation-link" data-copy="activation-link-url" data-copied="${msg("copied")}">${msg("copy")}</button>
        </div>
        <p class="fa-muted">${msg("linkExpiresOn")} <@layout.time millis=link.expiresAt/></p>
      </div>
    </div>
  </#if>
  <#if business.archived>
    <div class="pf-v5-c-alert pf-m-warning pf-m-inline" role="status"><p class="pf-v5-c-alert__title">${msg("portalArchived")}</p></div>
  </#if>

  <h2 class="pf-v5-c-title pf-m-lg fa-section-heading" id="portal-users-heading">${msg("portalUsers")}</h2>
  <#if memberships?has_content>
  <@portal.bulkBar from="business" business=business.id/>
  <table class="pf-v5-c-table pf-m-grid-lg" id="portal-table" aria-labelledby="portal-users-heading">
    <thead class="pf-v5-c-table__thead"><tr class="pf-v5-c-table__tr">
      <@portal.selectHeader/>
      <th scope="col" class="pf-v5-c-table__th pf-m-wrap">${msg("person")}</th><th scope="col" class="pf-v5-c-table__th pf-m-wrap">${msg("role")}</th>
      <th scope="col" class="pf-v5-c-table__th pf-m-wrap">${msg("status")}</th><th scope="col" class="pf-v5-c-table__th pf-m-wrap">${msg("delivery")}</th>
      <th scope="col" class="pf-v5-c-table__th pf-m-wrap">${msg("invitedAt")}</th><th scope="col" class="pf-v5-c-table__th pf-m-wrap">${msg("activatedAt")}</th>
      <th scope="col" class="pf-v5-c-table__th pf-m-wrap">${msg("lastLogin")}</th><th scope="col" class="pf-v5-c-table__th pf-m-wrap">${msg("actions")}</th>
    </tr></thead>
    <tbody class="pf-v5-c-table__tbody">
    <#list memberships as m>
      <#assign awaiting = m.status() == "pending" || m.status() == "expired">
      <#assign coolingDown = m.resendAvailableAt()?? && (m.resendAvailableAt() > now)>
      <tr class="pf-v5-c-table__tr" data-email="${m.email()}">
        <@portal.selectCell m/>
        <td class="pf-v5-c-table__td" data-label="${msg("person")}"><@portal.person m/></td>
        <td class="pf-v5-c-table__td" data-label="${msg("role")}">${msg("portalRole_" + m.role())} <span class="fa-muted">${m.level()}</span></td>
        <td class="pf-v5-c-table__td" data-label="${msg("status")}"><@portal.status m/></td>
        <td class="pf-v5-c-table__td" data-label="${msg("delivery")}"><@portal.delivery m/></td>
        <@portal.dates m/>
        <td class="pf-v5-c-table__td" data-label="${msg("actions")}">
          <#if awaiting>
          <form method="post" action="${firmUrl}portal/memberships/${m.id()}/send" class="fa-inline">
            <@layout.csrfField/>
            <#assign sendLabel = (m.invitedAt()??)?then(msg("resend"), msg("send"))>
            <button type="submit" class="pf-v5-c-button pf-m-secondary pf-m-small fa-send" aria-label="${msg("portalSendTo", sendLabel, m.email())}" <#if coolingDown>disabled aria-describedby="cooldown-${m?index}"</#if>>${sendLabel}</button>
            <#if coolingDown><span class="fa-muted fa-cooldown" id="cooldown-${m?index}">${msg("resendFrom")} <@layout.time millis=m.resendAvailableAt()/></span></#if>
          </form>
          <#if m.status() == "pending">
          <form method="post" action="${firmUrl}portal/memberships/${m.id()}/link" class="fa-inline">
            <@layout.csrfField/>
            <button type="submit" class="pf-v5-c-button pf-m-link pf-m-small fa-copy-link" aria-label="${msg("portalCopyLinkOf", m.email())}">${msg("copyLink")}</button>
          </form>
          </#if>
          <@layout.confirmAction action="${firmUrl}portal/memberships/${m.id()}/cancel" label=msg("cancelInvitation") summaryClass="fa-cancel"
              title=msg("portalCancelTitle", m.email()) question=msg("portalCancelConfirm", m.email()) button=msg("cancelInvitationButton")
              buttonClass="fa-cancel-confirm"/>
          </#if>
          <@layout.confirmAction action="${firmUrl}portal/memberships/${m.id()}/remove" label=msg("remove") summaryClass="fa-remove"
              title=msg("portalRemoveTitle", m.email(), business.name) question=msg("portalRemoveConfirm", m.email(), business.name)
              button=msg("removeConfirmButton") buttonClass="fa-remove-confirm"/>
        </td>
      </tr>
    </#list>
    </tbody>
  </table>
  <#else>
  <p class="fa-muted" id="no-portal-users">${msg("noPortalUsersHere")}</p>
  </#if>
  <@layout.pager action="${firmUrl}portal/businesses/${business.id}"/>

  <#if unsentOwners>
  <form method="post" action="${firmUrl}portal/businesses/${business.id}/invite-owners" class="fa-toolbar" id="invite-owners-form">
    <@layout.csrfField/>
    <button type="submit" class="pf-v5-c-button pf-m-secondary" id="invite-owners" aria-describedby="invite-owners-help">${msg("portalInviteOwners")}</button>
    <span class="fa-muted" id="invite-owners-help">${msg("portalInviteOwnersHelp")}</span>
  </form>
  </#if>

  <h2 class="pf-v5-c-title pf-m-lg fa-section-heading" id="invite-heading">${msg("portalInvite")}</h2>
  <form method="post" action="${firmUrl}portal/businesses/${business.id}/invite" class="pf-v5-c-form" id="portal-invite-form" aria-labelledby="invite-heading">
    <@layout.csrfField/>
    <div class="pf-v5-c-form__group">
      <label class="pf-v5-c-form__label" for="portal-people"><span class="pf-v5-c-form__label-text">${msg("invitePeople")}</span></label>
      <textarea class="pf-v5-c-form-control" id="portal-people" name="people" rows="3" required aria-describedby="portal-people-help"></textarea>
      <p class="fa-muted" id="portal-people-help">${msg("portalInvitePeopleHelp")}</p>
    </div>
    <div class="fa-toolbar">
      <label for="portal-role">${msg("role")}</label>
      <select id="portal-role" name="role" class="pf-v5-c-form-control fa-select">
        <option value="guest" selected>${msg("portalRole_guest")}</option>
        <option value="owner">${msg("portalRole_owner")}</option>
      </select>
      <label for="portal-level">${msg("level")}</label>
      <select id="portal-level" name="level" class="pf-v5-c-form-control fa-select">
        <#list levels as l><option value="${l}">${l}</option></#list>
      </select>
    </div>
    <div class="pf-v5-c-form__group">
      <label class="pf-v5-c-form__label" for="portal-message"><span class="pf-v5-c-form__label-text">${msg("portalMessage")}</span></label>
      <textarea class="pf-v5-c-form-control" id="portal-message" name="message" rows="2" maxlength="1000"></textarea>
    </div>
    <div class="pf-v5-c-check">
      <input class="pf-v5-c-check__input" type="checkbox" id="portal-send" name="send" value="true" checked aria-describedby="portal-send-help">
      <label class="pf-v5-c-check__label" for="portal-send">${msg("portalSendNow")}</label>
      <span class="pf-v5-c-check__description fa-muted" id="portal-send-help">${msg("portalSendNowHelp")}</span>
    </div>
    <div class="fa-toolbar">
      <button type="submit" class="pf-v5-c-button pf-m-primary" id="portal-invite">${msg("invite")}</button>
    </div>
  </form>


  <h2 class="pf-v5-c-title pf-m-lg fa-section-heading" id="add-heading">${msg("portalAddExisting")}</h2>
  <#if addable?has_content>
  <form method="post" action="${firmUrl}portal/businesses/${business.id}/add" class="fa-toolbar" id="portal-add-form" aria-labelledby="add-heading">
    <@layout.csrfField/>
    <label for="add-user">${msg("person")}</label>
    <select id="add-user" name="userId" class="pf-v5-c-form-control fa-select">
      <#list addable as p><option value="${p.userId}">${p.label}</option></#list>
    </select>
    <label for="add-role">${msg("role")}</label>
    <select id="add-role" name="role" class="pf-v5-c-form-control fa-select">
      <option value="guest" selected>${msg("portalRole_guest")}</option>
      <option value="owner">${msg("portalRole_owner")}</option>
    </select>
    <label for="add-level">${msg("level")}</label>
    <select id="add-level" name="level" class="pf-v5-c-form-control fa-select">
      <#list levels as l><option value="${l}">${l}</option></#list>
    </select>
    <button type="submit" class="pf-v5-c-button pf-m-secondary" id="portal-add" aria-describedby="add-help">${msg("portalAddButton")}</button>
    <span class="fa-muted" id="add-help">${msg("portalAddExistingHelp")}</span>
  </form>
  <#else>
  <p class="fa-muted" id="nobody-to-add">${msg("portalNobodyToAdd")}</p>
  </#if>
</@layout.page>
