package katas.architecture.breaking;

import katas.kit.build.StubVerdict;

/** Breaks the public-API rule: reaches into the kit's build code. */
public class UsesTheBuildsCode {
    public void judge() throws Exception {
        StubVerdict.main(new String[] {"x"});
    }
}
