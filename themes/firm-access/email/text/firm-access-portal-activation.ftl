<#ftl output_format="plainText">
<#if inviteeName??>${msg("firmAccessPortalGreeting", inviteeName)}<#else>${msg("firmAccessPortalGreetingWithoutName")}</#if>

${msg("firmAccessPortalBody", inviter, firmName)}
<#list businessNames as businessName>
- ${businessName}
</#list>
<#if personalMessage??>

${msg("firmAccessPortalMessageIntro", inviter)}
${personalMessage}
</#if>

${msg(existingAccount?then("firmAccessPortalActionExisting", "firmAccessPortalAction"), firmName)}:
${link}

${msg("firmAccessPortalExpiry", expiresAt)}

${msg("firmAccessPortalIgnore")}
