/** After this long on the Paying… step, the person is told the bank is still being asked (a view timer, not a flow state). */
export const STILL_CHECKING_AFTER_MS = 3000;
