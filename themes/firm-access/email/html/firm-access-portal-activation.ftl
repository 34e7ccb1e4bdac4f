<#import "template.ftl" as layout>
<@layout.emailLayout>
<p><#if inviteeName??>${msg("firmAccessPortalGreeting", inviteeName)}<#else>${msg("firmAccessPortalGreetingWithoutName")}</#if></p>
<p>${msg("firmAccessPortalBody", inviter, firmName)}</p>
<ul>
<#list businessNames as businessName>
<li>${businessName}</li>
</#list>
</ul>
<#if personalMessage??>
<p>${msg("firmAccessPortalMessageIntro", inviter)}</p>
<blockquote>${personalMessage}</blockquote>
</#if>
<p><a href="${link}">${msg(existingAccount?then("firmAccessPortalActionExisting", "firmAccessPortalAction"), firmName)}</a></p>
<p>${msg("firmAccessPortalExpiry", expiresAt)}</p>
<p>${msg("firmAccessPortalIgnore")}</p>
</@layout.emailLayout>
