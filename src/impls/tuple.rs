//! Tuples of arity 1 to 12 (`()` is in `primitive.rs`).

/// Implements `Frozen` for the tuple of the given type parameters, each bounded `Frozen`.
macro_rules! frozen_tuple {
    ($($T:ident)+) => {
        // SAFETY:
        // - No interior mutability: a tuple is its fields in place, nothing else.
        // - Deep: every field has one of the types `$T`, each bounded `Frozen`.
        // - `'static`: every `$T: 'static`.
        #[allow(unsafe_code)]
        unsafe impl<$($T: $crate::Frozen),+> $crate::Frozen for ($($T,)+) {}
    };
}

frozen_tuple!(A);
frozen_tuple!(A B);
frozen_tuple!(A B C);
frozen_tuple!(A B C D);
frozen_tuple!(A B C D E);
frozen_tuple!(A B C D E F);
frozen_tuple!(A B C D E F G);
frozen_tuple!(A B C D E F G H);
frozen_tuple!(A B C D E F G H I);
frozen_tuple!(A B C D E F G H I J);
frozen_tuple!(A B C D E F G H I J K);
frozen_tuple!(A B C D E F G H I J K L);
