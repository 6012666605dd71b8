// The name of the one setting that lets the page's security policy reach a Hub host other than
// huggingface.co. It lives in core because two sides must spell it the same way: the build and the
// servers read it (scripts/server/securityPolicy.ts), and the message a blocked download shows names
// it (runtime), so a user who typed a mirror's address learns what to set.

/** Environment variable read when the app is built and when it is served: extra Hub origins, comma- or space-separated. */
export const HUB_HOSTS_SETTING = 'BIAS_WORKBENCH_HUB_HOSTS';
