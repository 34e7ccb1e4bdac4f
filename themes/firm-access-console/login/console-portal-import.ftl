<#import "console-template.ftl" as layout>
<#import "console-portal-macros.ftl" as portal>
<@layout.page title=msg("portalImportTitle")>
  <#assign job = importStatus>
  <section id="import-status" aria-live="polite" data-state="${job.state()}"<#if !job.finished()> data-poll</#if>>
  <#if !job.finished()>
    <#-- Without scripts the page asks again by itself; with them console.js polls it. -->
    <noscript><meta http-equiv="refresh" content="2"></noscript>
    <p id="import-phase">${msg("portalImportState_" + job.state())}</p>
    <progress class="fa-progress" id="import-progress" max="${job.rowsTotal()?c}" value="${job.rowsDone()?c}" aria-describedby="import-phase">${job.rowsDone()?c} / ${job.rowsTotal()?c}</progress>
    <p class="fa-muted" id="import-rows">${msg("portalImportRows", job.rowsDone()?c, job.rowsTotal()?c)}</p>
  <#elseif job.state() == "imported">
    <div class="pf-v5-c-alert pf-m-success pf-m-inline" role="status" id="import-done">
      <p class="pf-v5-c-alert__title">${msg("portalImported", job.memberships()?size)}</p>
    </div>
  <#elseif job.state() == "refused">
    <div class="pf-v5-c-alert pf-m-danger pf-m-inline" role="alert" id="import-refused">
      <p class="pf-v5-c-alert__title" id="import-refusal">${job.errorDescription()}</p>
      <@portal.importErrors job.rows()/>
    </div>
  <#else>
    <div class="pf-v5-c-alert pf-m-danger pf-m-inline" role="alert" id="import-failed">
      <p class="pf-v5-c-alert__title">${msg("portalImportFailed")}</p>
      <p>${job.errorDescription()}</p>
    </div>
  </#if>
  </section>
  <p><a href="${firmUrl}portal" id="back-to-portal">${msg("portalImportBack")}</a></p>
</@layout.page>
