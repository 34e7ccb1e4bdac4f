<#import "console-template.ftl" as layout>
<@layout.page title=msg("chooseFirm")>
  <#if firms?has_content>
    <ul class="pf-v5-c-list" id="firm-list">
      <#list firms as f>
        <li><a href="${consoleUrl}firms/${f.alias()}/">${f.name()}</a> <span class="pf-v5-c-label pf-m-compact"><span class="pf-v5-c-label__content">${layout.roleLabelOf(f)}</span></span></li>
      </#list>
    </ul>
  <#else>
    <p id="no-firm">${msg("noFirm")}</p>
  </#if>
  <#if portalUser?? && portalUser>
    <p><a href="${consoleUrl}portal" id="my-workspaces-link">${msg("myWorkspaces")}</a></p>
  </#if>
</@layout.page>
