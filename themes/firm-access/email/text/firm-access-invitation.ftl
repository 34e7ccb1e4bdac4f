<#ftl output_format="plainText">
<#if inviteeName??>${msg("firmAccessInvitationGreeting", inviteeName)}<#else>${msg("firmAccessInvitationGreetingWithoutName")}</#if>

${msg("firmAccessInvitationBody", inviter, firmName, roleLabel)}

${msg("firmAccessInvitationAction", firmName)}:
${link}

${msg("firmAccessInvitationExpiry", expiresAt)}

${msg("firmAccessInvitationIgnore")}
