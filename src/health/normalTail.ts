// Upper tail of the standard normal distribution, P[Z > y], for the comparison's p-value.
// W. J. Cody's rational Chebyshev approximations (ACM TOMS 715, SPECFUN; the algorithm behind
// R's pnorm): three ranges, close to full double precision, and a tail that stays accurate far
// out, where 1 - Φ(y) computed by subtraction would round to 0.

const SMALL_A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];
const SMALL_B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
const MID_C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711,
  6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8,
];
const MID_D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091,
  34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
];
const FAR_P = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303];
const FAR_Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];
const ONE_OVER_SQRT_2PI = 0.398942280401432677939946059934;
const QUARTILE = 0.67448975; // Φ⁻¹(3/4)
const SQRT_32 = 5.656854249492380195206754896838;
/** Beyond this, P[Z > y] is below the smallest double. */
const UNDERFLOW = 37.5193;

/** exp(-y²/2) split so that y² is formed exactly for its leading part (Cody's trick). */
function gaussianFactor(y: number): number {
  const lead = Math.trunc(y * 16) / 16;
  const rest = (y - lead) * (y + lead);
  return Math.exp(-lead * lead * 0.5) * Math.exp(-rest * 0.5);
}

/** P[Z > y] for a standard normal Z. */
export function normalUpperTail(y: number): number {
  if (Number.isNaN(y)) return Number.NaN;
  if (y < 0) return 1 - normalUpperTail(-y);
  if (y <= QUARTILE) {
    const y2 = y * y;
    let num = SMALL_A[4] * y2;
    let den = y2;
    for (let i = 0; i < 3; i++) {
      num = (num + SMALL_A[i]) * y2;
      den = (den + SMALL_B[i]) * y2;
    }
    return 0.5 - (y * (num + SMALL_A[3])) / (den + SMALL_B[3]);
  }
  if (y <= SQRT_32) {
    let num = MID_C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + MID_C[i]) * y;
      den = (den + MID_D[i]) * y;
    }
    return gaussianFactor(y) * ((num + MID_C[7]) / (den + MID_D[7]));
  }
  if (y < UNDERFLOW) {
    const inv2 = 1 / (y * y);
    let num = FAR_P[5] * inv2;
    let den = inv2;
    for (let i = 0; i < 4; i++) {
      num = (num + FAR_P[i]) * inv2;
      den = (den + FAR_Q[i]) * inv2;
    }
    const correction = (inv2 * (num + FAR_P[4])) / (den + FAR_Q[4]);
    return gaussianFactor(y) * ((ONE_OVER_SQRT_2PI - correction) / y);
  }
  return 0;
}
