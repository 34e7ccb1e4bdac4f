<#-- Pieces the portal pages share: times, status and role labels, the row of a portal user. -->
<#import "console-template.ftl" as layout>
<#macro time value="" fallback="">
  <#if value?has_content><@layout.time millis=value/><#else><span class="fa-muted">${fallback}</span></#if>
</#macro>

<#macro status m>
  <span class="pf-v5-c-label pf-m-compact fa-badge fa-portal-status fa-portal-${m.status()}" data-status="${m.status()}"><span class="pf-v5-c-label__content">${msg("portalStatus_" + m.status())}</span></span>
</#macro>

<#macro delivery m>
  <span class="pf-v5-c-label pf-m-compact fa-badge fa-delivery fa-delivery-${m.delivery()}"><span class="pf-v5-c-label__content">${msg("delivery_" + m.delivery())}</span></span>
</#macro>

<#macro person m>
  <strong class="fa-portal-email">${m.email()}</strong>
  <#if m.firstName()?? || m.lastName()??><br><span class="fa-muted fa-portal-name">${(m.firstName())!""} ${(m.lastName())!""}</span></#if>
</#macro>

<#macro dates m>
  <td class="pf-v5-c-table__td" data-label="${msg("invitedAt")}"><@time value=(m.invitedAt())!"" fallback=msg("notInvitedYet")/></td>
  <td class="pf-v5-c-table__td" data-label="${msg("activatedAt")}"><@time value=(m.activatedAt())!"" fallback="–"/></td>
  <td class="pf-v5-c-table__td fa-last-login" data-label="${msg("lastLogin")}"><@time value=(m.lastLoginAt())!"" fallback=msg("never")/></td>
</#macro>

<#-- The bulk actions of a portal list: the ticked rows' checkboxes belong to this form through their form attribute,
     as the rows hold forms of their own. -->
<#-- "from" names the list to come back to, with its filters: the firm-wide list, or one business's page. -->
<#macro bulkBar from business="" status="" search="">
  <form method="post" action="${firmUrl}portal/bulk" class="fa-toolbar" id="portal-bulk-form" aria-label="${msg("portalBulkActions")}">
    <@layout.csrfField/>
    <input type="hidden" name="from" value="${from}">
    <input type="hidden" name="business" value="${business}">
    <input type="hidden" name="status" value="${status}">
    <input type="hidden" name="search" value="${search}">
    <span class="fa-muted" id="portal-bulk-help">${msg("portalBulkHelp")}</span>
    <button type="submit" name="action" value="send" class="pf-v5-c-button pf-m-secondary pf-m-small" id="bulk-send" aria-describedby="portal-bulk-help">${msg("portalBulkSend")}</button>
    <button type="submit" name="action" value="resend" class="pf-v5-c-button pf-m-secondary pf-m-small" id="bulk-resend" aria-describedby="portal-bulk-help">${msg("portalBulkResend")}</button>
    <button type="submit" name="action" value="cancel" class="pf-v5-c-button pf-m-danger pf-m-small" id="bulk-cancel" aria-describedby="portal-bulk-help">${msg("portalBulkCancel")}</button>
  </form>
  <#if bulkResults??>
  <div class="pf-v5-c-alert pf-m-info pf-m-inline" role="status" id="bulk-done">
    <p class="pf-v5-c-alert__title" id="bulk-done-title">${msg("portalBulkDone")}</p>
    <div class="pf-v5-c-alert__description">
      <ul class="pf-v5-c-list" aria-labelledby="bulk-done-title">
      <#list bulkResults as r>
        <li class="fa-bulk-outcome" data-email="${r.email()}" data-outcome="${r.outcome()}">${r.email()}: <#if r.outcome() == "cooldown">${msg("portalBulkOutcome_cooldown", r.retryAfterSeconds()?c)}<#else>${msg("portalBulkOutcome_" + r.outcome())}</#if></li>
      </#list>
      </ul>
    </div>
  </div>
  </#if>
</#macro>

<#macro selectHeader>
  <th scope="col" class="pf-v5-c-table__th pf-v5-c-table__check"><span class="pf-v5-screen-reader">${msg("portalSelect")}</span></th>
</#macro>

<#macro selectCell m>
  <td class="pf-v5-c-table__td pf-v5-c-table__check" data-label="${msg("portalSelect")}">
    <#if m.status() == "pending" || m.status() == "expired">
    <input type="checkbox" form="portal-bulk-form" name="membershipId" value="${m.id()}" class="fa-bulk-select" aria-label="${msg("portalSelectRow", m.email())}">
    </#if>
  </td>
<#-- The bad rows of a refused CSV import, by line number. -->
<#macro importErrors errors>
      <table class="pf-v5-c-table pf-m-compact" id="import-errors" aria-labelledby="import-refusal">
        <thead class="pf-v5-c-table__thead"><tr class="pf-v5-c-table__tr">
          <th scope="col" class="pf-v5-c-table__th">${msg("portalImportRow")}</th><th scope="col" class="pf-v5-c-table__th">${msg("portalImportProblem")}</th>
        </tr></thead>
        <tbody class="pf-v5-c-table__tbody">
        <#list errors as e>
          <tr class="pf-v5-c-table__tr" data-row="${e.row()?c}">
            <td class="pf-v5-c-table__td" data-label="${msg("portalImportRow")}">${e.row()?c}</td>
            <td class="pf-v5-c-table__td fa-import-problem" data-label="${msg("portalImportProblem")}">${e.message()}</td>
          </tr>
        </#list>
        </tbody>
      </table>
</#macro>
