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
