<#import "template.ftl" as layout>
<@layout.emailLayout>
<p><#if inviteeName??>${msg("firmAccessInvitationGreeting", inviteeName)}<#else>${msg("firmAccessInvitationGreetingWithoutName")}</#if></p>
<p>${msg("firmAccessInvitationBody", inviter, firmName, roleLabel)}</p>
<p><a href="${link}">${msg("firmAccessInvitationAction", firmName)}</a></p>
<p>${msg("firmAccessInvitationExpiry", expiresAt)}</p>
<p>${msg("firmAccessInvitationIgnore")}</p>
</@layout.emailLayout>
