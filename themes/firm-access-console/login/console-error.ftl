<#import "console-template.ftl" as layout>
<#assign heading = msg("error" + status?c)>
<@layout.page title=heading>
  <div class="pf-v5-c-alert pf-m-danger pf-m-inline" role="alert" id="error-page">
    <p class="pf-v5-c-alert__title">${msg("errorExplanation" + status?c)}</p>
    <#if code??><p class="pf-v5-c-alert__description" id="error-description" data-code="${code}">${msg("errorCode." + code)}</p></#if>
  </div>
  <p><a class="pf-v5-c-button pf-m-link" href="${consoleUrl}">${msg("backToConsole")}</a></p>
</@layout.page>
